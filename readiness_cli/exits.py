"""The command's exit codes (BSD sysexits where one fits)."""

EXIT_PROBLEMS = 1  # `rules check` found problems; the engine or the database failed
EXIT_USAGE = 2  # wrong usage, or a file that cannot be read
EXIT_DATA = 65  # the input was rejected (EX_DATAERR)
EXIT_CONFIG = 78  # the policy, a setting or the database URL cannot be used (EX_CONFIG)
