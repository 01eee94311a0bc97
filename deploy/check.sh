#!/usr/bin/env bash
# Consistency checks for deploy/ that need no Docker engine and no cluster:
#   - every SHABDAM_* name in deploy/ is one the gateway or the job reads
#   - Kafka topic names match the ones the code uses (schemas/.../Topics.java when present)
#   - the Dockerfiles COPY the Maven artifacts the build produces, and the job jar lands where
#     compose (usrlib) and the FlinkDeployment (jarURI) expect it
#   - ports 8080 (gateway) and 8081 (Flink REST/UI) agree everywhere
#   - bucket, main class, image versions, compose ${VARS} vs .env.example, k8s args vs ConfigMap
# Uses python3 (standard library); PyYAML, kubectl and docker are used when present, not required.
# Exit status 0 when everything agrees, 1 with one line per problem otherwise.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v python3 >/dev/null || { echo "deploy/check.sh: python3 is required" >&2; exit 2; }

python3 - "$here" <<'PY'
import json, os, re, subprocess, sys, shutil

deploy = sys.argv[1]
root = os.path.dirname(deploy)
problems, notes = [], []

def fail(msg): problems.append(msg)
def rel(p): return os.path.relpath(p, root)
def read(p):
    with open(p, encoding="utf-8") as f: return f.read()

ALLOWED_ENV = {
    # both
    "SHABDAM_KAFKA_BOOTSTRAP", "SHABDAM_JDBC_URL", "SHABDAM_JDBC_USER", "SHABDAM_JDBC_PASSWORD",
    "SHABDAM_STORAGE_URI", "SHABDAM_S3_ENDPOINT", "SHABDAM_S3_ACCESS_KEY", "SHABDAM_S3_SECRET_KEY",
    "SHABDAM_S3_REGION",
    # gateway
    "SHABDAM_PORT", "SHABDAM_API_KEYS", "SHABDAM_MAX_AUDIO_BYTES", "SHABDAM_MAX_VIDEO_BYTES",
    # job
    "SHABDAM_CHECKPOINT_INTERVAL_MS", "SHABDAM_PARALLELISM", "SHABDAM_MODELS_DIR",
}
GATEWAY_ONLY = {"SHABDAM_PORT", "SHABDAM_API_KEYS", "SHABDAM_MAX_AUDIO_BYTES", "SHABDAM_MAX_VIDEO_BYTES"}
JOB_ONLY = {"SHABDAM_CHECKPOINT_INTERVAL_MS", "SHABDAM_PARALLELISM", "SHABDAM_MODELS_DIR"}
TOPICS = {"voice.requests", "voice.events", "voice.replies", "voice.requests.dlq"}
VERSION = "0.1.0-SNAPSHOT"
JOB_ARTIFACT = f"pipeline-job/target/pipeline-job-{VERSION}-flink.jar"
GATEWAY_ARTIFACT = f"api-gateway/target/api-gateway-{VERSION}-exec.jar"
JOB_JAR_IN_IMAGE = "/opt/flink/usrlib/pipeline-job.jar"
MAIN_CLASS = "dev.shabdam.pipeline.VoicePipelineJob"
BUCKET = "shabdam"
JOB_ARGS = ["--kafka-bootstrap", "--jdbc-url", "--jdbc-user", "--jdbc-password", "--storage-uri"]

# ---------------------------------------------------------------- files
files = []
for d, _, names in os.walk(deploy):
    for n in names:
        p = os.path.join(d, n)
        if os.path.abspath(p) == os.path.join(deploy, "check.sh") or n == ".env":
            continue
        files.append(p)
files.sort()
texts = {p: read(p) for p in files}
compose_p = os.path.join(deploy, "docker-compose.yml")
gw_df_p = os.path.join(deploy, "docker", "gateway.Dockerfile")
job_df_p = os.path.join(deploy, "docker", "pipeline-job.Dockerfile")
env_p = os.path.join(deploy, ".env.example")
k8s_base = os.path.join(deploy, "k8s", "base")
fd_p = os.path.join(k8s_base, "flinkdeployment.yaml")
gw_k8s_p = os.path.join(k8s_base, "gateway.yaml")
cm_p = os.path.join(k8s_base, "configmap.yaml")
secret_p = os.path.join(k8s_base, "secret.yaml")
for p in (compose_p, gw_df_p, job_df_p, env_p, fd_p, gw_k8s_p, cm_p, secret_p,
          os.path.join(deploy, "k8s", "kustomization.yaml")):
    if not os.path.isfile(p):
        fail(f"missing file {rel(p)}")
if problems:
    print("\n".join("FAIL: " + m for m in problems)); sys.exit(1)
compose, gw_df, job_df = texts[compose_p], texts[gw_df_p], texts[job_df_p]
fd, gw_k8s, cm, secret, env_example = (texts[p] for p in (fd_p, gw_k8s_p, cm_p, secret_p, env_p))

# ---------------------------------------------------------------- 1. SHABDAM_* names
for p, t in texts.items():
    for name in sorted(set(re.findall(r"\bSHABDAM_[A-Z0-9_]+", t))):
        if name not in ALLOWED_ENV:
            fail(f"{rel(p)}: unknown environment name {name} (neither the gateway nor the job reads it)")

# ---------------------------------------------------------------- 2. topics
topic_re = re.compile(r"(?<![\w.-])voice\.[a-z][a-z0-9.]*[a-z0-9]")
for p, t in texts.items():
    for topic in sorted(set(topic_re.findall(t))):
        if topic not in TOPICS:
            fail(f"{rel(p)}: unknown Kafka topic {topic} (expected one of {sorted(TOPICS)})")
m = re.search(r"for topic in ([^;\n]+);", compose)
created = set(m.group(1).split()) if m else set()
if created != TOPICS:
    fail(f"docker-compose.yml: kafka-init creates {sorted(created)}, expected {sorted(TOPICS)}")
topics_java = os.path.join(root, "schemas/src/main/java/dev/shabdam/schemas/Topics.java")
if os.path.isfile(topics_java):
    in_code = set(re.findall(r'static final String \w+ = "(voice\.[^"]+)"', read(topics_java)))
    if in_code != TOPICS:
        fail(f"{rel(topics_java)} declares topics {sorted(in_code)}, deploy/ uses {sorted(TOPICS)}")
else:
    notes.append("schemas/.../Topics.java not found: topic names checked against the built-in list only")

# ---------------------------------------------------------------- 3. jars
def copies(dockerfile):
    out = []
    for line in dockerfile.splitlines():
        line = line.strip()
        if line.upper().startswith("COPY "):
            parts = [x for x in line.split()[1:] if not x.startswith("--")]
            out.append((parts[:-1], parts[-1]))
    return out

gw_copies, job_copies = copies(gw_df), copies(job_df)
if ([GATEWAY_ARTIFACT], "/app/api-gateway.jar") not in gw_copies:
    fail(f"gateway.Dockerfile must COPY {GATEWAY_ARTIFACT} to /app/api-gateway.jar; its COPY lines: {gw_copies}")
if ([JOB_ARTIFACT], JOB_JAR_IN_IMAGE) not in job_copies:
    fail(f"pipeline-job.Dockerfile must COPY {JOB_ARTIFACT} to {JOB_JAR_IN_IMAGE}; its COPY lines: {job_copies}")
if '"/app/api-gateway.jar"' not in gw_df:
    fail("gateway.Dockerfile: ENTRYPOINT does not run /app/api-gateway.jar")
if not re.search(r"^FROM flink:2\.2\.0-java17\s*$", job_df, re.M):
    fail("pipeline-job.Dockerfile must start FROM flink:2.2.0-java17")
if not re.search(r"^FROM eclipse-temurin:17-jre\s*$", gw_df, re.M):
    fail("gateway.Dockerfile must start FROM eclipse-temurin:17-jre")
if not re.search(r"cp /opt/flink/opt/flink-s3-fs-hadoop-\*\.jar /opt/flink/plugins/s3-fs-hadoop/", job_df):
    fail("pipeline-job.Dockerfile does not enable the s3-fs-hadoop plugin")
if "espeak-ng" not in job_df:
    fail("pipeline-job.Dockerfile does not install espeak-ng")
if not re.search(r"^USER\s+(?!root|0\b)\S+", gw_df, re.M):
    fail("gateway.Dockerfile does not switch to a non-root USER")
if "HEALTHCHECK" not in gw_df or "/actuator/health/readiness" not in gw_df:
    fail("gateway.Dockerfile has no HEALTHCHECK on /actuator/health/readiness")
for df, artifact in ((gw_df_p, GATEWAY_ARTIFACT), (job_df_p, JOB_ARTIFACT)):
    ign = df + ".dockerignore"
    if os.path.isfile(ign) and f"!{artifact}" not in read(ign):
        fail(f"{rel(ign)} does not let {artifact} into the build context")
if f"jarURI: local://{JOB_JAR_IN_IMAGE}" not in fd:
    fail(f"flinkdeployment.yaml: jarURI must be local://{JOB_JAR_IN_IMAGE}")

# the Maven build, when its poms are here: version, classifiers, main class
pom = os.path.join(root, "pom.xml")
if os.path.isfile(pom):
    ptext = read(pom)
    ptext_nodeps = re.sub(r"<parent>.*?</parent>|<dependencyManagement>.*?</dependencyManagement>|"
                          r"<dependencies>.*?</dependencies>|<build>.*?</build>|<profiles>.*?</profiles>",
                          "", ptext, flags=re.S)
    vm = re.search(r"<version>([^<]+)</version>", ptext_nodeps)
    if vm and vm.group(1) != VERSION:
        fail(f"pom.xml version is {vm.group(1)}, deploy/ expects {VERSION}")
    jp = os.path.join(root, "pipeline-job/pom.xml")
    if os.path.isfile(jp):
        jt = read(jp)
        if "<artifactId>pipeline-job</artifactId>" not in jt:
            fail("pipeline-job/pom.xml: artifactId is not pipeline-job")
        if "<shadedClassifierName>flink</shadedClassifierName>" not in jt:
            fail("pipeline-job/pom.xml: shaded classifier is not 'flink' (jar name would differ)")
        mc = re.search(r"<mainClass>([^<]+)</mainClass>", jt)
        if mc and mc.group(1) != MAIN_CLASS:
            fail(f"pipeline-job/pom.xml main class {mc.group(1)} != {MAIN_CLASS}")
    gp = os.path.join(root, "api-gateway/pom.xml")
    if os.path.isfile(gp):
        gt = read(gp)
        if "<artifactId>api-gateway</artifactId>" not in gt:
            fail("api-gateway/pom.xml: artifactId is not api-gateway")
        if "<classifier>exec</classifier>" not in gt:
            fail("api-gateway/pom.xml: the Spring Boot repackage classifier is not 'exec'")
else:
    notes.append("pom.xml not found: jar names checked against the built-in list only")

# ---------------------------------------------------------------- 4. ports
if not re.search(r"^EXPOSE 8080\s*$", gw_df, re.M): fail("gateway.Dockerfile: EXPOSE 8080 missing")
if "SHABDAM_PORT=8080" not in gw_df: fail("gateway.Dockerfile: SHABDAM_PORT=8080 missing")
if '"8080:8080"' not in compose: fail('docker-compose.yml: gateway must publish "8080:8080"')
if '"8081:8081"' not in compose: fail('docker-compose.yml: jobmanager must publish "8081:8081"')
if not re.search(r"SHABDAM_PORT: 8080\b", compose): fail("docker-compose.yml: gateway SHABDAM_PORT is not 8080")
if "rest.port: 8081" not in compose: fail("docker-compose.yml: Flink rest.port is not 8081")
for url in re.findall(r"https?://127\.0\.0\.1:(\d+)/actuator", compose):
    if url != "8080": fail(f"docker-compose.yml: actuator healthcheck on port {url}, expected 8080")
for url in re.findall(r"https?://127\.0\.0\.1:(\d+)/overview", compose):
    if url != "8081": fail(f"docker-compose.yml: Flink healthcheck on port {url}, expected 8081")
if 'SHABDAM_PORT: "8080"' not in cm: fail("k8s configmap.yaml: SHABDAM_PORT is not \"8080\"")
if "containerPort: 8080" not in gw_k8s: fail("k8s gateway.yaml: containerPort is not 8080")
for probe in ("/actuator/health/liveness", "/actuator/health/readiness"):
    if probe not in gw_k8s: fail(f"k8s gateway.yaml: no probe on {probe}")
if not re.search(r"^\s+port: 8080\s*$", gw_k8s, re.M): fail("k8s gateway.yaml: Service port is not 8080")
for p, t in texts.items():
    for port in re.findall(r"rest\.port:\s*\"?(\d+)", t):
        if port != "8081": fail(f"{rel(p)}: rest.port {port}, expected 8081")

# ---------------------------------------------------------------- 5. job wiring
if not re.search(r"--job-classname\s*\n\s*-\s*" + re.escape(MAIN_CLASS), compose):
    fail(f"docker-compose.yml: standalone-job does not name --job-classname {MAIN_CLASS}")
if f"entryClass: {MAIN_CLASS}" not in fd:
    fail(f"flinkdeployment.yaml: entryClass is not {MAIN_CLASS}")
if not re.search(r"^\s*flinkVersion:\s*v2_2\s*$", fd, re.M):
    fail("flinkdeployment.yaml: flinkVersion is not v2_2")
for p, t in texts.items():
    for a in set(re.findall(r"(?<![\w-])--(?:kafka|jdbc|storage)[a-z-]*", t)):
        if a not in JOB_ARGS: fail(f"{rel(p)}: unknown job argument {a}")

def yaml_args(text):
    m = re.search(r"^\s*args:\s*\n((?:\s*- .*\n)+)", text, re.M)
    return [x.strip()[2:].strip() for x in m.group(1).splitlines()] if m else []
def compose_cmd(text):
    m = re.search(r"^\s*command:\s*\n\s*- standalone-job\s*\n((?:\s*- .*\n)+)", text, re.M)
    return [x.strip()[2:].strip() for x in m.group(1).splitlines()] if m else []
def pairs(args):
    return {args[i]: args[i + 1] for i in range(len(args) - 1) if args[i] in JOB_ARGS}

cm_vals = dict(re.findall(r"^\s*(SHABDAM_[A-Z0-9_]+):\s*\"?([^\"\n]*)\"?\s*$", cm, re.M))
k8s_args = pairs(yaml_args(fd))
expect_k8s = {"--kafka-bootstrap": cm_vals.get("SHABDAM_KAFKA_BOOTSTRAP"), "--jdbc-url": cm_vals.get("SHABDAM_JDBC_URL"),
              "--jdbc-user": cm_vals.get("SHABDAM_JDBC_USER"), "--storage-uri": cm_vals.get("SHABDAM_STORAGE_URI")}
for k, v in expect_k8s.items():
    if k8s_args.get(k) != v:
        fail(f"flinkdeployment.yaml: job arg {k}={k8s_args.get(k)!r} but configmap.yaml says {v!r}")
compose_env = dict(re.findall(r"^  (SHABDAM_[A-Z0-9_]+): (.+?)\s*$", compose, re.M))
c_args = pairs(compose_cmd(compose))
expect_c = {"--kafka-bootstrap": compose_env.get("SHABDAM_KAFKA_BOOTSTRAP"), "--jdbc-url": compose_env.get("SHABDAM_JDBC_URL"),
            "--jdbc-user": compose_env.get("SHABDAM_JDBC_USER"), "--storage-uri": compose_env.get("SHABDAM_STORAGE_URI")}
for k, v in expect_c.items():
    if c_args.get(k) != v:
        fail(f"docker-compose.yml: job arg {k}={c_args.get(k)!r} but the shared environment says {v!r}")
if "--jdbc-password" in c_args or "--jdbc-password" in k8s_args:
    fail("the database password must reach the job through SHABDAM_JDBC_PASSWORD, not a visible argument")

# every required key in the shared compose env and the ConfigMap/Secret
shared = ALLOWED_ENV - GATEWAY_ONLY - JOB_ONLY
missing = shared - set(compose_env)
if missing: fail(f"docker-compose.yml: x-shabdam-env lacks {sorted(missing)}")
secret_keys = set(re.findall(r"^\s*(SHABDAM_[A-Z0-9_]+):", secret, re.M))
missing = ALLOWED_ENV - set(cm_vals) - secret_keys
if missing: fail(f"k8s: neither configmap.yaml nor secret.yaml sets {sorted(missing)}")
both = set(cm_vals) & secret_keys
if both: fail(f"k8s: {sorted(both)} set in both the ConfigMap and the Secret")
for s in ("SHABDAM_JDBC_PASSWORD", "SHABDAM_API_KEYS", "SHABDAM_S3_SECRET_KEY"):
    if s in cm_vals: fail(f"k8s configmap.yaml holds the secret {s}")

# ---------------------------------------------------------------- 6. bucket, s3 settings, images
for p, t in texts.items():
    for b in set(re.findall(r"s3://([a-z0-9.-]+)", t)):
        if b != BUCKET: fail(f"{rel(p)}: s3://{b} used, but the bucket is s3://{BUCKET}")
if f"mc mb --ignore-existing shabdam/{BUCKET}" not in compose:
    fail(f"docker-compose.yml: minio-init does not create bucket {BUCKET}")
for key, val in (("s3.path.style.access", "true"), ("s3.attempts.maximum", "2"), ("s3.retry.limit", "2"),
                 ("s3.directory.marker.retention", "keep"), ("state.backend.type", "hashmap"),
                 ("restart-strategy.type", "exponential-delay"),
                 ("execution.checkpointing.dir", f"s3://{BUCKET}/checkpoints")):
    for name, t in (("docker-compose.yml", compose), ("flinkdeployment.yaml", fd)):
        if not re.search(rf"^\s*{re.escape(key)}:\s*\"?{re.escape(val)}\"?\s*$", t, re.M):
            fail(f"{name}: Flink setting {key}: {val} missing")
for key in ("s3.endpoint", "s3.access-key", "s3.secret-key", "s3.endpoint.region"):
    if not re.search(rf"^\s*{re.escape(key)}:", compose, re.M):
        fail(f"docker-compose.yml: Flink setting {key} missing")
for img in ("apache/kafka:4.2.0", "postgres:18"):
    if f"image: {img}" not in compose: fail(f"docker-compose.yml: image {img} missing")
for p, t in texts.items():
    for img in re.findall(r"(?:^\s*FROM\s+|image:\s*)(flink|apache/kafka|postgres|eclipse-temurin):([\w.-]+)", t, re.M):
        want = {"flink": "2.2.0-java17", "apache/kafka": "4.2.0", "postgres": "18", "eclipse-temurin": "17-jre"}[img[0]]
        if img[1] != want: fail(f"{rel(p)}: image {img[0]}:{img[1]}, expected {img[0]}:{want}")

# ---------------------------------------------------------------- 7. compose ${VARS} vs .env.example
env_keys = set(re.findall(r"^([A-Z][A-Z0-9_]*)=", env_example, re.M))
for name, op in set(re.findall(r"(?<!\$)\$\{([A-Z][A-Z0-9_]*)(:?[-?]?)", compose)):
    if name not in env_keys:
        fail(f"docker-compose.yml uses ${{{name}}} but .env.example does not define it")
for k in env_keys:
    if k.startswith("SHABDAM_") and k not in ALLOWED_ENV:
        fail(f".env.example: unknown name {k}")

# ---------------------------------------------------------------- 9. the process layout the cluster test runs
# ./shabdam cluster (local-stack's FlinkCluster, ClusterSettings) is what TaskManagerKillOwnStackTest runs:
# the deployments must describe the same TaskManagers, slots and failure detection
stack_dir = os.path.join(root, "local-stack/src/main/java/dev/shabdam/local")
if os.path.isdir(stack_dir):
    cluster_java = read(os.path.join(stack_dir, "FlinkCluster.java"))
    settings_java = read(os.path.join(stack_dir, "ClusterSettings.java"))
    tested = dict(re.findall(r'options\.put\("([\w.-]+)", "([^"]*)"\)', cluster_java))
    defaults = dict(re.findall(r'"(SHABDAM_TASK(?:MANAGERS|_SLOTS))", "(\d+)"', settings_java))
    layout = {"taskmanager.numberOfTaskSlots": defaults.get("SHABDAM_TASK_SLOTS")}
    for key in ("taskmanager.load-balance.mode", "heartbeat.interval", "heartbeat.timeout"):
        layout[key] = tested.get(key)
    for key, val in layout.items():
        if val is None:
            fail(f"FlinkCluster/ClusterSettings: the tested value of {key} not found")
            continue
        for name, t in (("docker-compose.yml", compose), ("flinkdeployment.yaml", fd)):
            if not re.search(rf"^\s*{re.escape(key)}:\s*\"?{re.escape(val)}\"?\s*$", t, re.M):
                fail(f"{name}: {key}: {val} missing (./shabdam cluster and its tests run it)")
    tms = defaults.get("SHABDAM_TASKMANAGERS")
    tm_block = compose[compose.find("\n  taskmanager:"):]
    if not re.search(rf"^\s+replicas:\s*{tms}\s*$", tm_block, re.M):
        fail(f"docker-compose.yml: taskmanager is not {tms} replicas (./shabdam cluster runs {tms})")
    if not re.search(rf"taskManager:\n(?:\s+#.*\n)*\s+replicas:\s*{tms}\s*\n", fd):
        fail(f"flinkdeployment.yaml: taskManager.replicas is not {tms} (./shabdam cluster runs {tms})")
else:
    notes.append("local-stack sources absent: the cluster layout check skipped")

# ---------------------------------------------------------------- 8. structure, when tools exist
try:
    import yaml  # optional
except ImportError:
    yaml = None
    notes.append("PyYAML not installed: YAML structure checks skipped (text checks ran)")
if yaml is not None:
    try:
        c = yaml.safe_load(compose)
        svcs = c.get("services", {})
        for s in ("kafka", "kafka-init", "postgres", "minio", "minio-init", "jobmanager", "taskmanager", "gateway"):
            if s not in svcs: fail(f"docker-compose.yml: service {s} missing")
        for s, deps in (("gateway", ("kafka-init", "postgres", "minio-init")), ("jobmanager", ("gateway",))):
            got = (svcs.get(s) or {}).get("depends_on") or {}
            for d in deps:
                if d not in got: fail(f"docker-compose.yml: {s} does not depend on {d}")
                elif isinstance(got, dict) and got[d].get("condition") not in ("service_healthy", "service_completed_successfully"):
                    fail(f"docker-compose.yml: {s} depends on {d} without a health/completion condition")
        for s in ("gateway", "jobmanager", "taskmanager"):
            envs = (svcs.get(s) or {}).get("environment") or {}
            for n in envs:
                if n.startswith("SHABDAM_") and s == "gateway" and n in JOB_ONLY:
                    fail(f"docker-compose.yml: gateway gets job-only {n}")
                if n.startswith("SHABDAM_") and s != "gateway" and n in GATEWAY_ONLY:
                    fail(f"docker-compose.yml: {s} gets gateway-only {n}")
        for p in files:
            if p.endswith((".yaml", ".yml")):
                list(yaml.safe_load_all(read(p)))
    except yaml.YAMLError as e:
        fail(f"YAML does not parse: {e}")
kubectl = shutil.which("kubectl")
if kubectl:
    for target in ("k8s", "k8s/overlays/gpu"):
        r = subprocess.run([kubectl, "kustomize", os.path.join(deploy, target)], capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"kubectl kustomize deploy/{target} failed: {r.stderr.strip()[:300]}")
        elif "kind: FlinkDeployment" not in r.stdout or "kind: Deployment" not in r.stdout:
            fail(f"kubectl kustomize deploy/{target}: FlinkDeployment or gateway Deployment missing")
else:
    notes.append("kubectl not found: kustomize rendering skipped")

for n in notes: print("note: " + n)
if problems:
    for m in problems: print("FAIL: " + m)
    print(f"deploy/check.sh: {len(problems)} problem(s)")
    sys.exit(1)
print("deploy/check.sh: all consistent")
PY
