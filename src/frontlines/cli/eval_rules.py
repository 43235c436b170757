"""``frontlines eval rules``: the mirror of :func:`frontlines.events.ablation.switches`, the ids that
``frontlines eval acled --ablate`` and ``frontlines eval corpus --ablate`` switch off."""

from __future__ import annotations

from frontlines.cli.evaluate import eval_app

_WHAT = 70


@eval_app.command("rules")
def rules_cmd() -> None:
    """List the cascade steps and rules that --ablate can switch off, table by table."""
    from frontlines.events.ablation import fixed, switches

    print(f"{'id':<36} {'table':<20} what it does")
    for switch in switches():
        what = " ".join(switch.what.split())
        shown = what if len(what) <= _WHAT else what[: _WHAT - 1] + "…"
        print(f"{switch.id:<36} {switch.table:<20} {shown}")
    print(f"\ncannot be switched off (an event needs them): {', '.join(sorted(fixed()))}")
