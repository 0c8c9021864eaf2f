# Sourced by the scene-*.sh scripts: finds a JDK 25 ($jdk) and builds the scene module with its test
# classes in a reactor build (never `install`: the Maven repository is shared), then sets $cp, the class
# path of the scene module, its test classes and its dependencies. Run from the project's root.
jdk=$(for c in ${JAVA_HOME:-} /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25*; do [ -x "$c/bin/java" ] && { echo "$c"; break; }; done)
JAVA_HOME=$jdk ./mvnw -B -q -pl scene -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test 2>&1 \
  | { grep -v -e '^WARNING: .*[Uu]nsafe' -e '^WARNING: Please consider reporting this to the maintainers' || true; } >&2
cp="scene/target/test-classes:scene/target/classes:media/target/classes:hashing/target/classes:index/target/classes:$(cat scene/target/bench-classpath.txt)"
