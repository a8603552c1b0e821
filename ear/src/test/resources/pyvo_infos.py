"""Runs a synchronous query through pyvo with a Bearer token and prints the INFO elements of the result's
RESOURCE as one JSON object, name to {value, text}. Run with Debian's /usr/bin/python3."""
import json
import sys

import pyvo
import requests

url, token, query = sys.argv[1:4]
session = requests.Session()
session.headers["Authorization"] = "Bearer " + token
result = pyvo.dal.TAPService(url, session=session).search(query)
infos = result.votable.resources[0].infos
print(json.dumps({info.name: {"value": info.value, "text": info.content} for info in infos}))
