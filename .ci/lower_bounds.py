"""Print pip constraints that pin each dependency in pyproject.toml to its lower bound.

`make test DEPS=oldest` installs drafter with these constraints, so the suite also runs against
the oldest versions pyproject.toml allows; a requirement without a ">=" bound is an error here,
since its oldest version would be whatever pip happens to pick.
"""
import re
import sys
import tomllib

REQUIREMENT = re.compile(r"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*>=\s*([0-9][^,;\s]*)")


def main(path: str) -> None:
    with open(path, "rb") as fh:
        project = tomllib.load(fh)["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    for requirement in requirements:
        match = REQUIREMENT.fullmatch(requirement.strip())
        if not match:
            sys.exit(f"{path}: {requirement!r} has no lower bound to pin")
        print(f"{match[1]}=={match[2]}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "pyproject.toml")
