"""Reads every job example of the spec with the generated python models.

Prints one line per example: name|id|status|created_at as sent|error|summary|language|like_count.
Usage: PYTHONPATH=<generated python client> python3 read_examples.py EXAMPLES.json
"""
import json
import sys

from reels_client.models.reel_job import ReelJob


def field(value):
    return "null" if value is None else str(value)


with open(sys.argv[1], encoding="utf-8") as f:
    examples = json.load(f)
for name, body in examples.items():
    job = ReelJob.from_json(json.dumps(body))
    result = job.result
    meta = result.platform_meta if result else None
    print("|".join([name, str(job.id), job.status.value, job.created_at,
                    field(job.error), field(result.summary if result else None),
                    field(result.audio.language if result else None),
                    field(meta.like_count if meta else None)]))
