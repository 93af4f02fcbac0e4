"""``python -m newsclean``: the same command line as the ``newsclean`` script."""
from newsclean.cli.app import main

if __name__ == "__main__":
    main()
