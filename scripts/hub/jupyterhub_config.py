# JupyterHub 3.0 configuration for a small class on one machine (`npm run hub`, scripts/hub/start.mjs).
# Every value comes from the environment start.mjs sets (DOWNHILL_*), so this file holds no secret and
# no path of one machine. See README "Teaching a class" for what it chooses and how to switch.
#
# - Authenticator: "dummy" with one class password (generated, stored in the state folder) and a closed
#   list of learners: only the names in allowed_users (the instructor's list, plus users the admin adds
#   in the admin panel or through the REST API) can log in. No open signup.
# - Spawner: "simple" (SimpleLocalProcessSpawner): every learner's server runs as the hub's own system
#   user, in its own folder <state>/learners/<name>. Learners' files are separate folders, not separate
#   accounts: for isolation use PAM with the LocalProcessSpawner (system users) or the KubeSpawner.
# - The hub and its proxy listen on 127.0.0.1 unless DOWNHILL_HUB_IP says otherwise.
import os
import subprocess
import sys

env = os.environ
root = env["DOWNHILL_ROOT"]
state = env["DOWNHILL_HUB_STATE"]
learners = os.path.join(state, "learners")
python = env.get("DOWNHILL_PYTHON", sys.executable)

c = get_config()  # noqa: F821 (JupyterHub defines it)

# Network: the public proxy port, the hub's own API and the proxy's API, all on loopback by default.
c.JupyterHub.ip = env.get("DOWNHILL_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(env.get("DOWNHILL_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env.get("DOWNHILL_HUB_INTERNAL_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env.get('DOWNHILL_PROXY_API_PORT', '8001')}"
c.ConfigurableHTTPProxy.command = ["configurable-http-proxy"]
c.ConfigurableHTTPProxy.pid_file = os.path.join(state, "jupyterhub-proxy.pid")
# The proxy's token comes from CONFIGPROXY_AUTH_TOKEN (start.mjs reads it from the state folder).

# State and secrets live in the state folder, outside the repository.
c.JupyterHub.cookie_secret_file = os.path.join(state, "jupyterhub_cookie_secret")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(state, "jupyterhub.sqlite")
c.JupyterHub.pid_file = os.path.join(state, "jupyterhub.pid")

# Who may log in.
c.JupyterHub.authenticator_class = "dummy"
with open(env["DOWNHILL_HUB_PASSWORD_FILE"], encoding="utf8") as f:
    c.DummyAuthenticator.password = f.read().strip()
admin = env.get("DOWNHILL_HUB_ADMIN", "instructor")
c.Authenticator.admin_users = {admin}
c.Authenticator.allowed_users = {admin} | {u for u in env.get("DOWNHILL_HUB_USERS", "").split(",") if u}

# An API token for scripts (the tests, the capacity benchmark): a service allowed to manage users and
# servers and to reach the learners' servers. Only when start.mjs is given one.
token = env.get("DOWNHILL_HUB_SERVICE_TOKEN")
if token:
    c.JupyterHub.services = [{"name": "downhill-admin", "api_token": token}]
    c.JupyterHub.load_roles = [
        {
            "name": "downhill-admin",
            "scopes": ["admin:users", "admin:servers", "access:servers"],
            "services": ["downhill-admin"],
        }
    ]

# Each learner's server: Jupyter from the Python that has it, in the learner's own folder, with the
# project's tslab kernel on JUPYTER_PATH.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(learners, "{username}")
c.Spawner.cmd = [python, "-m", "jupyterhub.singleuser"]
c.Spawner.args = ["--allow-root"] if os.getuid() == 0 else []
c.Spawner.environment = {
    "JUPYTER_PATH": env["DOWNHILL_JUPYTER_PATH"],
    # Marks every process of this hub (servers, kernels), so tests can find them all.
    "DOWNHILL_HUB_STATE": state,
}
has_lab = subprocess.run([python, "-c", "import jupyterlab"], capture_output=True).returncode == 0
c.Spawner.default_url = "/lab/tree/notebooks" if has_lab else "/tree/notebooks"
# A loaded class machine starts servers slowly: wait longer than the defaults before giving up.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.JupyterHub.concurrent_spawn_limit = int(env.get("DOWNHILL_HUB_SPAWN_LIMIT", "20"))


def copy_course(spawner):
    """Before a learner's server starts: the learner's own copy of the notebooks (learner-copy.mjs)."""
    home = spawner.home_dir
    os.makedirs(home, mode=0o700, exist_ok=True)
    script = os.path.join(root, "scripts", "hub", "learner-copy.mjs")
    subprocess.run([env.get("DOWNHILL_NODE", "node"), script, home, root], check=True)


c.Spawner.pre_spawn_hook = copy_course
