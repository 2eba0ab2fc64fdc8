"""The request benchmark's variants and workload (bench/request_bench.py).

`workload` builds the requests every variant answers; `floor` is the bare-Chalice cost floor;
`connexion_variant` and `openapi_core_variant` are the peers. Only `workload` and `floor` may be imported
by the app's own cold-start child: the peers' dependencies live in the bench venv only.
"""
