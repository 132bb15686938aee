"""The type stubs (convjit/__init__.pyi) and docstrings describe what the
module has: every public name and member, with the same parameters."""
import ast
import os
import re

import convjit

STUB = os.path.join(os.path.dirname(convjit.__file__), "__init__.pyi")


def stub_tree():
    with open(STUB) as f:
        return ast.parse(f.read())


def stub_functions(body):
    return {n.name: n for n in body if isinstance(n, ast.FunctionDef)}


def parameters(node):
    a = node.args
    return [p.arg for p in a.posonlyargs + a.args + a.kwonlyargs if p.arg != "self"]


def runtime_parameters(fn):
    """The names in pybind11's signature line of fn's docstring."""
    line = fn.__doc__.strip().splitlines()[0]
    inside = line[line.index("(") + 1:line.rindex(")")]
    names = re.findall(r"(?:^|, )(\*?)(\w+)(?=: |$|,)", inside)
    return [n for star, n in names if not star and n != "self"]


def test_every_public_name_is_stubbed_and_documented():
    tree = stub_tree()
    names = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    for name in convjit.__all__:
        assert name in names, name
        assert getattr(convjit, name).__doc__, name
    assert convjit.__doc__


def test_functions_have_the_same_parameters():
    functions = stub_functions(stub_tree().body)
    for name in ["conv", "set_num_threads", "get_num_threads", "clear_cache", "cache_size"]:
        assert parameters(functions[name]) == runtime_parameters(getattr(convjit, name)), name


def test_classes_have_the_same_members():
    classes = {n.name: n for n in stub_tree().body if isinstance(n, ast.ClassDef)}
    for name in ["Engine", "Kernel", "TuneResult"]:
        cls = getattr(convjit, name)
        stubbed = stub_functions(classes[name].body)
        public = {m for m in dir(cls) if not m.startswith("_")} | (
            {"__init__"} if name == "Engine" else set()) | ({"__call__"} if name == "Kernel" else set())
        assert public == set(stubbed), (name, public ^ set(stubbed))
        for member in public:
            attr = getattr(cls, member)
            assert attr.__doc__, (name, member)
            if callable(attr) and not isinstance(attr, property) and member != "__init__":
                assert parameters(stubbed[member]) == runtime_parameters(attr), (name, member)
