"""Hostile input, faults and kills: what each costs (see docs/reliability.md)."""
