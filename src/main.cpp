// cvpress: Markdown résumé -> print-ready PDF. Everything happens in the cli stage.
#include "cli/cli.h"

int main(int argc, char** argv) { return cvpress::cli::run(argc, argv); }
