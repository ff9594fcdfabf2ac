# shellcheck shell=sh
# Sourced (POSIX sh) by ./mvnw and infra/local/start so that both choose the JDK the same way:
#   1. JAVA_HOME, if it is Java 21 or newer;
#   2. else `java` on the PATH, if it is 21 or newer;
#   3. else the newest JDK 21+ found in the usual places (/usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks,
#      macOS's JavaVirtualMachines): JAVA_HOME and PATH then point to it, and one line on stderr says so.
# If none is found nothing changes: ./mvnw then stops at once with the enforcer's message (root pom.xml).
# MUTUALIS_JDK_SEARCH=no turns step 3 off.

# prints the major version of the JDK or JRE at $1, or nothing
mutualis_jdk_major() {
  mutualis_jdk_v=""
  if [ -r "$1/release" ]; then
    mutualis_jdk_v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
  fi
  if [ -z "$mutualis_jdk_v" ] && [ -x "$1/bin/java" ]; then
    mutualis_jdk_v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 |
      awk -F'= ' '/java.specification.version/ {print $2}')
  fi
  mutualis_jdk_v=${mutualis_jdk_v#1.}
  echo "${mutualis_jdk_v%%[!0-9]*}"
}

mutualis_choose_jdk() {
  mutualis_jdk_current=""
  if [ -n "${JAVA_HOME:-}" ]; then
    mutualis_jdk_current=$JAVA_HOME
    mutualis_jdk_what="JAVA_HOME ($JAVA_HOME)"
  elif command -v java >/dev/null 2>&1; then
    mutualis_jdk_java=$(command -v java)
    mutualis_jdk_java=$(readlink -f "$mutualis_jdk_java" 2>/dev/null || echo "$mutualis_jdk_java")
    mutualis_jdk_current=${mutualis_jdk_java%/bin/java}
    mutualis_jdk_what="java on the PATH ($mutualis_jdk_current)"
  fi
  if [ -n "$mutualis_jdk_current" ]; then
    mutualis_jdk_found=$(mutualis_jdk_major "$mutualis_jdk_current")
    if [ "${mutualis_jdk_found:-0}" -ge 21 ] 2>/dev/null; then
      return 0
    fi
  fi
  [ "${MUTUALIS_JDK_SEARCH:-yes}" = no ] && return 0

  mutualis_jdk_best=""
  mutualis_jdk_best_major=0
  # mvnw runs with globbing off (set -f); the candidates need it
  case $- in *f*) mutualis_jdk_noglob=yes; set +f ;; *) mutualis_jdk_noglob=no ;; esac
  for mutualis_jdk_home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "${HOME:-/nonexistent}"/.sdkman/candidates/java/* \
    "${HOME:-/nonexistent}"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$mutualis_jdk_home/bin/java" ] && [ -x "$mutualis_jdk_home/bin/javac" ] || continue
    [ -L "$mutualis_jdk_home" ] && continue
    mutualis_jdk_m=$(mutualis_jdk_major "$mutualis_jdk_home")
    if [ "${mutualis_jdk_m:-0}" -gt "$mutualis_jdk_best_major" ] 2>/dev/null; then
      mutualis_jdk_best=$mutualis_jdk_home
      mutualis_jdk_best_major=$mutualis_jdk_m
    fi
  done
  [ "$mutualis_jdk_noglob" = yes ] && set -f

  if [ "$mutualis_jdk_best_major" -ge 21 ]; then
    if [ -n "$mutualis_jdk_current" ]; then
      echo "Mutualis needs Java 21+: $mutualis_jdk_what is Java ${mutualis_jdk_found:-?}; using $mutualis_jdk_best (Java $mutualis_jdk_best_major). Set JAVA_HOME to choose another." >&2
    fi
    JAVA_HOME=$mutualis_jdk_best
    PATH=$mutualis_jdk_best/bin:$PATH
    export JAVA_HOME PATH
  fi
}

mutualis_choose_jdk
