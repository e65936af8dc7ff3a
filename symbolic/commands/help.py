"""`derivcheck help TOPIC`: the rules behind messages, at the terminal."""

from __future__ import annotations

import click

from symbolic.help_topics import TOPICS


@click.command(
    "help",
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="\b\nExample:\n  derivcheck help notation",
)
@click.argument("topic", required=False, type=click.Choice(sorted(TOPICS)))
def help_command(topic: str | None) -> None:
    """Show a help topic, such as notation.

    TOPIC is notation, document, conventions, config or formats; without it, the
    topics are listed.
    """
    if topic is None:
        width = max(len(name) for name in TOPICS)
        for name, (title, _) in sorted(TOPICS.items()):
            click.echo(f"{name:<{width}}  {title}")
        return
    title, text = TOPICS[topic]
    click.echo(title)
    click.echo(text.strip("\n"))
