# Simple poll loop
while true; do
  STATUS=$(curl -s https://api.instatollm.com/api/v1/reels/42 \
    -H "Authorization: Bearer ist_your_token" | jq -r '.status')
  echo "Status: $STATUS"
  [ "$STATUS" = "done" ] && break
  [ "$STATUS" = "error" ] && exit 1
  sleep 5
done
