# Sourced by ./mvnw, ./opencentral and .ci/run: makes JAVA_HOME point at a JDK >= 21.
# Keeps a JAVA_HOME that is already new enough; otherwise looks in the usual places.
oc_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
oc_find_java_home() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk* \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(oc_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
if found_java_home=$(oc_find_java_home); then
  export JAVA_HOME="$found_java_home"
else
  echo "opencentral: no JDK 21 or newer found (set JAVA_HOME, or install one under /usr/lib/jvm)" >&2
  exit 1
fi
unset found_java_home
