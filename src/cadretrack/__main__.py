from cadretrack.entry import main

main()
