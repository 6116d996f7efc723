"""Checks a compose file as `docker compose config` would, where no Docker is installed:
the Compose Specification (the compose_spec parser refuses unknown keys, values and
durations), then what the spec cannot say alone: every depends_on names a service, a
service waited for as healthy has a healthcheck, every service has an image or a build,
images are pinned to a tag (never latest), and the build contexts and bind-mounted files
(relative to the compose file) exist."""
import os
import sys

import yaml
from compose_spec import PyCompose


def problems_of(path: str) -> list[str]:
    text = open(path, encoding="utf-8").read()
    try:
        PyCompose.from_yaml(text)
    except ValueError as err:
        return [f"not a valid compose file: {err}"]
    doc = yaml.safe_load(text)
    services = doc.get("services", {})
    found = []
    for name, svc in services.items():
        if "image" not in svc and "build" not in svc:
            found.append(f"{name}: neither image nor build")
        image = svc.get("image")
        if image and (":" not in image.rsplit("/", 1)[-1] or image.endswith(":latest")):
            found.append(f"{name}: image {image} is not pinned to a version")
        deps = svc.get("depends_on", {})
        for dep, cond in (deps.items() if isinstance(deps, dict) else ((d, {}) for d in deps)):
            if dep not in services:
                found.append(f"{name}: depends on {dep}, which is not a service")
            elif (cond or {}).get("condition") == "service_healthy" and "healthcheck" not in services[dep]:
                found.append(f"{name}: waits for {dep} to be healthy, but {dep} has no healthcheck")
        found += missing_paths(name, svc, os.path.dirname(os.path.abspath(path)))
    return found


def missing_paths(name: str, svc: dict, base: str) -> list[str]:
    """Build contexts and bind mounts that name a local path which is not there."""
    build = svc.get("build")
    context = build if isinstance(build, str) else (build or {}).get("context")
    sources = [context] if context else []
    for volume in svc.get("volumes", []):
        source = volume.split(":", 1)[0] if isinstance(volume, str) else volume.get("source")
        if source and source.startswith((".", "/")):
            sources.append(source)
    return [
        f"{name}: {source} does not exist"
        for source in sources
        if not os.path.exists(os.path.join(base, source))
    ]


if __name__ == "__main__":
    failed = False
    for path in sys.argv[1:]:
        found = problems_of(path)
        for p in found:
            print(f"{path}: {p}")
        print(f"{path}: {'invalid' if found else 'valid'} ({len(yaml.safe_load(open(path, encoding='utf-8'))['services'])} services)")
        failed = failed or bool(found)
    sys.exit(1 if failed else 0)
