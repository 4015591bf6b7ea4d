#!/bin/sh
# ffmpeg that dies with the process that started it (PR_SET_PDEATHSIG through util-linux's
# setpriv): an ingest killed mid-transcode must not leave an orphan ffmpeg writing into the work
# folder that the next run resumes in.
exec setpriv --pdeathsig KILL -- "${MEDIACOMMUNS_FFMPEG:-ffmpeg}" "$@"
