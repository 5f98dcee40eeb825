@echo off
rem Samverka on Windows: samverka run | stop | status | logs [component] | reset [--yes] | rebuild [part]
rem   | dlq [id] | dlq replay <id> | dlq discard <id> --reason "<text>"
rem Needs a JDK 17 or newer on the PATH or in JAVA_HOME; builds on the first run.
setlocal
set "ROOT=%~dp0"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" -version >nul 2>&1 || (echo samverka: no Java found. Install a JDK 17 or newer, or set JAVA_HOME. & exit /b 1)
set "RUNTIME="
for %%J in ("%ROOT%platform\runtime\target\platform-runtime-*-exec.jar") do set "RUNTIME=%%J"
if not defined RUNTIME (
  echo samverka: building Samverka, the first build downloads dependencies and takes a few minutes...
  call "%ROOT%mvnw.cmd" -q -B -DskipTests package || (echo samverka: the build failed. & exit /b 1)
  for %%J in ("%ROOT%platform\runtime\target\platform-runtime-*-exec.jar") do set "RUNTIME=%%J"
)
"%JAVA%" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dsamverka.root="%ROOT%." -jar "%RUNTIME%" %*
