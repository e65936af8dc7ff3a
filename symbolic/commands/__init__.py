"""One module per `derivcheck` subcommand."""
