import sys

try:
    from cadretrack.cli.app import main
except KeyboardInterrupt:  # Ctrl-C while starting: nothing was done
    sys.stderr.write("Đã dừng theo yêu cầu: chưa làm gì. / Stopped on request: nothing was done.\n")
    sys.exit(130)

main()
