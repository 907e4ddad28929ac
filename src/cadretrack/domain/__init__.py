"""Pure domain code: names, dates, rules, obligations. No I/O, no hidden today."""
