"""Lambda entry point: wiring only. Routes come from openapi.yaml (`make gen`); logic lives in chalicelib."""

import gc

# Cold start: no garbage collection while the app loads. Everything loaded here lives as long as the
# process, yet each collection during the imports walked all of it again (chalice's, botocore's and ours):
# ~2.5 ms of a cold start (docs/PERFORMANCE.md, "Garbage collection at init"). Once loaded, it is frozen
# (later collections skip it) and collection resumes.
_collecting = gc.isenabled()
gc.disable()
try:
    from chalice import Chalice, Rate

    from chalicelib import auth, events
    from chalicelib._generated.routes import BINARY_TYPES, CORS_PATHS, OPERATIONS, blueprint, docs_blueprint
    from chalicelib.runtime.cors import CorsPath, CorsPolicy
    from chalicelib.runtime.middleware import http_middleware
    from chalicelib.runtime.observability import configure as configure_logging

    CorsPolicy.from_env()  # refuses a contradictory stage setting (`*` with credentials) at start-up

    auth.register()  # the operator api key check (runtime verifiers)
    configure_logging()  # the stage's LOG_LEVEL / LOG_FORMAT
    app = Chalice(app_name="reference-api")
    app.api.binary_types.extend(t for t in BINARY_TYPES if t not in app.api.binary_types)
    # observability, then CORS, then problem+json errors (runtime/middleware.py): every answer gets its
    # request id and access line; CORS headers go on every answer, the problem+json ones included
    operations = {(m, r): o or m + " " + r for m, r, _, o, _ in OPERATIONS}
    app.register_middleware(
        http_middleware(operations, {p: CorsPath(*row) for p, row in CORS_PATHS.items()}), "http"
    )
    app.register_blueprint(blueprint)
    app.register_blueprint(docs_blueprint)

    app.on_s3_event(
        bucket=events.IMAGES_BUCKET,
        events=["s3:ObjectCreated:*"],
        prefix=events.IMAGES_PREFIX,
        name="on_image_uploaded",
    )(events.on_image_uploaded)
    app.schedule(Rate(1, unit=Rate.DAYS), name="purge_deleted_items")(events.purge_deleted_items)
finally:
    gc.freeze()
    if _collecting:
        gc.enable()
