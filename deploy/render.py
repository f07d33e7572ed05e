#!/usr/bin/env python3
"""Fill in the placeholders (@NAME@) of a file of deploy/ and print the result.

    python3 deploy/render.py deploy/nginx/masis.conf SERVER_NAME=www.example.org … > masis.conf

Every placeholder of the file must be given a value, and every value given must be used: a
typo fails rather than leave an @…@ in a server's configuration. docs/deploying.md lists the
placeholders of each file; the stack command (deploy/stack.py) renders the same files.
"""

import re
import sys
from pathlib import Path

PLACEHOLDER = re.compile(r"@([A-Z][A-Z0-9_]*)@")


class RenderError(ValueError):
    pass


def placeholders(text):
    return set(PLACEHOLDER.findall(text))


def render(text, values):
    """``text`` with each @NAME@ replaced by ``values[NAME]``."""
    wanted = placeholders(text)
    missing = sorted(wanted - values.keys())
    unused = sorted(values.keys() - wanted)
    if missing or unused:
        problems = []
        if missing:
            problems.append(f"no value for {', '.join(missing)}")
        if unused:
            problems.append(f"no placeholder named {', '.join(unused)}")
        raise RenderError("; ".join(problems))
    return PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), text)


def render_file(path, values):
    try:
        return render(Path(path).read_text(encoding="utf-8"), values)
    except RenderError as error:
        raise RenderError(f"{path}: {error}") from None


def main(argv):
    if len(argv) < 1 or argv[0] in ("-h", "--help"):
        sys.exit(__doc__)
    path, *assignments = argv
    values = {}
    for assignment in assignments:
        name, equals, value = assignment.partition("=")
        if not equals:
            sys.exit(f"expected NAME=value, got {assignment!r}")
        values[name] = value
    try:
        sys.stdout.write(render_file(path, values))
    except RenderError as error:
        sys.exit(str(error))


if __name__ == "__main__":
    main(sys.argv[1:])
