#include "tools/cli.hpp"

int main(int argc, char** argv) { return convjit::run_cli(argc, argv); }
