# Sourced by the benchmark scripts: finds the JDK they build and run with.
#   use_jdk NAME   exports JAVA_HOME (JAVA_HOME itself when it is a full JDK 21 or newer, else the
#                  newest one in the usual folders), JAVA, and on JDK 24+ the MAVEN_OPTS that quiet
#                  Maven's Unsafe warning; exits 1 with a message starting "NAME:" when there is none.

java_major() { # the major version of the JDK in $1
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = //p' | head -1 | cut -d. -f1
}

find_jdk() {
  local home v best="" best_v=0
  for home in "${JAVA_HOME:-}" /usr/lib/jvm/* /usr/java/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$home" ] && [ -x "$home/bin/javac" ] && [ -x "$home/bin/jcmd" ] || continue
    v="$(java_major "$home")"
    [ -n "$v" ] && [ "$v" -ge 21 ] 2>/dev/null || continue
    [ "$home" = "${JAVA_HOME:-}" ] && { echo "$home"; return; }
    if [ "$v" -gt "$best_v" ]; then best="$home"; best_v="$v"; fi
  done
  [ -n "$best" ] && echo "$best"
}

use_jdk() {
  local jdk
  jdk="$(find_jdk || true)"
  if [ -z "$jdk" ]; then
    echo "$1: no JDK 21 or newer found (expected: JAVA_HOME set to one; 25 recommended)" >&2
    exit 1
  fi
  export JAVA_HOME="$jdk"
  JAVA="$jdk/bin/java"
  if [ "$(java_major "$jdk")" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}
