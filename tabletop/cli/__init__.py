"""The `tabletop` command line: one module per subcommand, each with `register(subparsers)`; `main` ties them."""
