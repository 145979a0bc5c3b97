# A single-user image with the course, for Zero to JupyterHub on Kubernetes (docs/teaching.md).
# Not built on the course's own machine (it has no Docker engine); checked by reading only.
#   docker build -t registry.example.org/downhill:2026-12 .
# Then in Zero to JupyterHub's config.yaml: singleuser.image.name/tag, defaultUrl /lab/tree/downhill/notebooks,
# and the postStart hook in docs/teaching.md, which gives each learner a copy of the notebooks on their
# own volume.
#
# The Jupyter Docker Stacks' base image: JupyterLab 4 and jupyterhub-singleuser, user jovyan. A date tag
# pins it; move it forward deliberately.
FROM quay.io/jupyter/base-notebook:2024-01-29

# Node 22 or 24 (LTS) for tslab and npm, from conda-forge like the rest of the image's environment.
RUN mamba install --yes --channel conda-forge "nodejs>=22,<25" && mamba clean --all --force-pkgs-dirs --yes

# The course in /opt/downhill, in the image rather than on the learners' volumes (a new image brings the
# new src to everyone): run-time npm packages (Deno's kernel among them) and both kernels, tslab's and
# Deno's, in the image's Jupyter (the same script as Binder's postBuild).
COPY --chown=${NB_UID}:${NB_GID} . /opt/downhill
RUN cd /opt/downhill && PYTHON=python3 scripts/hub/installCourse.sh

# Each start: the learner's own copy of the notebooks in ~/downhill (on their persistent volume), links to
# the course's src, data, node_modules and deno.json. Existing notebooks are never overwritten (learnerCopy.mjs).
# The Docker Stacks' start scripts run this hook; with Zero to JupyterHub's default command
# (jupyterhub-singleuser, which skips the hooks) use the postStart lifecycle hook in docs/teaching.md instead.
USER root
RUN printf '%s\n' '#!/bin/bash' 'node /opt/downhill/scripts/hub/learnerCopy.mjs "${HOME}/downhill" /opt/downhill' \
      > /usr/local/bin/before-notebook.d/50-downhill-course.sh \
    && chmod 755 /usr/local/bin/before-notebook.d/50-downhill-course.sh
USER ${NB_UID}
WORKDIR ${HOME}
