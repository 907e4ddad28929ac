from cadretrack.cli.app import main

main()
