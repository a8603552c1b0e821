"""Runs the documented cone query through pyvo (sync and async) and lists the tables, with a token sent as HTTP
Basic (x-oauth-basic) or as a Bearer token. Prints one JSON object. Run with Debian's /usr/bin/python3."""
import json
import sys

import pyvo
import requests

url, token, mode, query = sys.argv[1:5]
session = requests.Session()
if mode == "basic":
    session.auth = ("x-oauth-basic", token)
else:
    session.headers["Authorization"] = "Bearer " + token
service = pyvo.dal.TAPService(url, session=session)
sync = service.search(query)
job = service.run_async(query)
tables = sorted(table.name for table in service.tables)
print(json.dumps({
    "sync_rows": len(sync),
    "async_rows": len(job),
    "columns": list(sync.fieldnames),
    "w1_sum": round(float(sum(float(v) for v in sync["w1mpro_ep"])), 2),
    "tables": tables,
}))
