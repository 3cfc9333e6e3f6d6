"""Executes a notebook that must fail; prints JSON with nbclient's error text and the outputs."""
import json
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

nb = nbformat.read(sys.argv[1], as_version=4)
result = {"failed": False, "message": None}
try:
    NotebookClient(nb, timeout=300, kernel_name="daxlab").execute()
except CellExecutionError as e:
    result = {"failed": True, "message": str(e)}
result["outputs"] = [[o.get("output_type") for o in c.get("outputs", [])] for c in nb.cells if c.cell_type == "code"]
print(json.dumps(result))
