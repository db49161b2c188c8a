#!/bin/sh
# Runs a test program under $QUOTH_WRAP (the valgrind test setup sets it;
# empty otherwise), so that one list of tests serves every setup.
exec ${QUOTH_WRAP:-} "$@"
