# Shabdam pipeline job on Flink (application mode: the job jar is baked into the image).
# Build from the repository root after `mvn -DskipTests package` (add `-Pgpu` for the
# onnxruntime_gpu build; see deploy/README.md for the CUDA libraries a GPU TaskManager needs):
#   docker build -f deploy/docker/pipeline-job.Dockerfile -t shabdam/pipeline-job:0.1.0-SNAPSHOT .
FROM flink:2.2.0-java17

USER root
# espeak-ng: Malayalam/English synthesis and the phonemizer for Piper voices (libespeak-ng.so.1 via JNA);
# curl: the compose healthcheck on the REST port.
RUN apt-get update \
 && apt-get install -y --no-install-recommends espeak-ng curl \
 && rm -rf /var/lib/apt/lists/*

# s3:// for checkpoints, savepoints, HA metadata and media: enable the bundled plugin.
RUN mkdir -p /opt/flink/plugins/s3-fs-hadoop \
 && cp /opt/flink/opt/flink-s3-fs-hadoop-*.jar /opt/flink/plugins/s3-fs-hadoop/ \
 && chown -R flink:flink /opt/flink/plugins/s3-fs-hadoop

# The shaded job jar (our code and connectors, Flink itself excluded). /opt/flink/usrlib is on the
# user classpath of standalone-job (compose) and the jarURI of the FlinkDeployment (k8s).
RUN mkdir -p /opt/flink/usrlib && chown flink:flink /opt/flink/usrlib
COPY --chown=flink:flink pipeline-job/target/pipeline-job-0.1.0-SNAPSHOT-flink.jar /opt/flink/usrlib/pipeline-job.jar

# Models: the compose file and the k8s manifests mount models/cache at /opt/shabdam/models.
RUN mkdir -p /opt/shabdam/models && chown flink:flink /opt/shabdam/models

# The image's entrypoint drops to the flink user itself.
