"""The command line: a thin layer over ``newsclean.clean``.

``runner.run(argv) -> int`` does everything and is what tests and ``main()`` call; the
other modules each do one job (find files, write them back, format, report, explain).
Nothing here is imported by the core, and nothing heavy is imported at start-up.
"""
