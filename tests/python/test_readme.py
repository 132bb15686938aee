"""README.md's Python example is readme_example.py verbatim, and runs."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "readme_example.py")


def test_readme_holds_the_example_verbatim():
    with open(os.path.join(HERE, "..", "..", "README.md")) as f:
        readme = f.read()
    with open(EXAMPLE) as f:
        example = f.read()
    assert "```python\n" + example + "```\n" in readme


def test_example_runs():
    done = subprocess.run([sys.executable, EXAMPLE], capture_output=True, text=True, check=True)
    lines = done.stdout.splitlines()
    assert lines[0] == "(1, 1, 6, 6) 4.0 6.0 9.0"
    assert lines[-1] == "oc: oc=10 is not divisible by g=3 in 'mb1ic3ih32oc10kh2g3'"
