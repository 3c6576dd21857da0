import time
import httpx

def wait_for_result(job_id: int, token: str, timeout: int = 120) -> dict:
    headers = {"Authorization": f"Bearer {token}"}
    deadline = time.time() + timeout

    while time.time() < deadline:
        r = httpx.get(
            f"https://api.instatollm.com/api/v1/reels/{job_id}",
            headers=headers,
        )
        r.raise_for_status()
        data = r.json()

        match data["status"]:
            case "done":
                return data["result"]
            case "error":
                raise RuntimeError(f"Analysis failed: {data['error']}")
            case _:
                time.sleep(5)

    raise TimeoutError(f"Job {job_id} timed out after {timeout}s")
