async function waitForResult(id, token, timeoutMs = 120_000) {
  const headers = { Authorization: `Bearer ${token}` };
  const deadline = Date.now() + timeoutMs;

  while (Date.now() < deadline) {
    const r = await fetch(
      `https://api.instatollm.com/api/v1/reels/${id}`,
      { headers }
    );
    const data = await r.json();

    if (data.status === "done") return data.result;
    if (data.status === "error") throw new Error(data.error);
    await new Promise((res) => setTimeout(res, 5000));
  }
  throw new Error(`Timeout for job ${id}`);
}
