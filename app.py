"""Lambda entry point: wiring only. Routes come from openapi.yaml via `make gen`; logic lives in chalicelib."""

from chalice import Chalice

from chalicelib._generated.routes import blueprint, docs_blueprint

app = Chalice(app_name="reference-api")
app.register_blueprint(blueprint)
app.register_blueprint(docs_blueprint)
