# JupyterHub 3.0 configuration for a small class on one machine (`npm run hub`, scripts/hub/start.mjs).
# Every value comes from the environment start.mjs sets (DOWNHILL_*), so this file holds no secret and
# no path of one machine. See docs/teaching.md for what it chooses and how to switch.
#
# - Authenticator: "dummy" with one class password (generated, stored in the state folder) and a closed
#   list of learners: only the names in allowed_users (the instructor's list, plus users the admin adds
#   in the admin panel or through the REST API) can log in. No open signup.
# - Spawner, DOWNHILL_HUB_MODE=accounts (the hub runs as root): JupyterHub's LocalProcessSpawner runs
#   each learner's server as a system account of the learner's own (<prefix><name>, no password, no
#   login shell, made by the pre-spawn hook with useradd), in <state>/learners/<name>, mode 700, owned by
#   that account. The course stays root's and read-only to learners (hub.mjs checks it before starting).
# - Spawner, DOWNHILL_HUB_MODE=shared (an ordinary user with --shared-account): the "simple" spawner,
#   every learner's server as the hub's own user, folders but no walls. Never as root.
# - Both: each learner's server and kernels get a memory limit (RLIMIT_DATA, inherited by the kernels)
#   and no core dumps, set in the child before Jupyter starts.
# - The hub and its proxy listen on 127.0.0.1 unless DOWNHILL_HUB_IP says otherwise.
import os
import pwd
import re
import resource
import subprocess
import sys

from jupyterhub.spawner import LocalProcessSpawner, SimpleLocalProcessSpawner, set_user_setuid

env = os.environ
root = env["DOWNHILL_ROOT"]
state = env["DOWNHILL_HUB_STATE"]
learners = os.path.join(state, "learners")
python = env.get("DOWNHILL_PYTHON", sys.executable)
mode = env.get("DOWNHILL_HUB_MODE", "accounts")
prefix = env.get("DOWNHILL_HUB_ACCOUNT_PREFIX", "dh-")
memory_limit = int(env.get("DOWNHILL_HUB_MEMORY_LIMIT", str(2 * 1024**3)))
if mode == "accounts" and os.getuid() != 0:
    sys.exit("[downhill] accounts mode needs root: only root can create the learners' accounts")
if mode == "shared" and os.getuid() == 0:
    sys.exit("[downhill] the shared mode would run every learner's server as root: refused")
if mode not in ("accounts", "shared"):
    sys.exit(f"[downhill] DOWNHILL_HUB_MODE={mode}: expected accounts or shared")
if mode == "accounts":
    # The hub's own files (database, pid files) readable by root only: learners can pass through the
    # state folder (mode 711) to their own folder, not read what lies beside it.
    os.umask(0o077)

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
# project's two kernels (tslab and Deno's) on JUPYTER_PATH.
def limit_resources():
    """In the server's process, before Jupyter starts (its kernels inherit it): the memory limit, no core
    files (a kernel that dies of it would otherwise write one into the learner's folder)."""
    resource.setrlimit(resource.RLIMIT_DATA, (memory_limit, memory_limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


ACCOUNT_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")
ACCOUNT_COMMENT = "Downhill learner"


def account_name(username):
    """The system account of the hub's user `username`; refuses a name useradd would not take."""
    account = prefix + username
    if not ACCOUNT_NAME.match(account) or len(account) > 32:
        raise ValueError(
            f"the login name {username!r} cannot name a system account ({account!r}): use lower-case "
            "letters, digits, - and _, at most " + str(32 - len(prefix)) + " characters"
        )
    return account


def ensure_account(username):
    """The learner's account, made once (idempotent): a system account with no password and no login
    shell, its home the learner's folder. An account of that name not made by the hub is refused."""
    account = account_name(username)
    home = os.path.join(learners, username)
    try:
        entry = pwd.getpwnam(account)
    except KeyError:
        made = subprocess.run(
            ["useradd", "--system", "--no-create-home", "--home-dir", home, "--shell", "/usr/sbin/nologin",
             "--user-group", "--comment", f"{ACCOUNT_COMMENT} ({state})", account],
            capture_output=True, text=True,
        )
        if made.returncode not in (0, 9):  # 9: made meanwhile by another spawn
            raise RuntimeError(f"useradd {account} failed: {made.stderr.strip()}")
        entry = pwd.getpwnam(account)
    if not entry.pw_gecos.startswith(ACCOUNT_COMMENT):
        raise RuntimeError(f"the system account {account} exists and was not made by the hub: refused")
    return entry


class LearnerSpawner(LocalProcessSpawner):
    """LocalProcessSpawner with the account <prefix><name>, the learner's folder as home and working
    folder (whatever the account's home says), and the limits."""

    @property
    def home_dir(self):
        return os.path.join(learners, self.user.name)

    def make_preexec_fn(self, name):
        become = set_user_setuid(account_name(name), chdir=False)
        home = self.home_dir

        def preexec():
            limit_resources()
            become()
            os.umask(0o077)
            os.chdir(home)

        return preexec

    def user_env(self, env):
        env["USER"] = account_name(self.user.name)
        env["HOME"] = self.home_dir
        env["SHELL"] = "/bin/sh"
        return env


class SharedSpawner(SimpleLocalProcessSpawner):
    """The simple spawner (every learner as the hub's own user), with the limits."""

    def make_preexec_fn(self, name):
        simple = super().make_preexec_fn(name)

        def preexec():
            limit_resources()
            simple()

        return preexec


if mode == "accounts":
    c.JupyterHub.spawner_class = LearnerSpawner
else:
    c.JupyterHub.spawner_class = SharedSpawner
    c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(learners, "{username}")
c.Spawner.cmd = [python, "-m", "jupyterhub.singleuser"]
c.Spawner.args = []  # never --allow-root: neither mode runs a learner's server as root
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
    """Before a learner's server starts: in accounts mode the learner's account (made if missing, so a
    learner added at /hub/admin gets one) and folder (mode 700, the learner's); then the learner's own
    copy of the notebooks (learnerCopy.mjs), made as the learner."""
    home = spawner.home_dir
    script = os.path.join(root, "scripts", "hub", "learnerCopy.mjs")
    # The learner's copy is the student edition, unless the teacher asked for the solutions (--solutions).
    solutions = ["--solutions"] if env.get("DOWNHILL_HUB_SOLUTIONS") == "1" else []
    command = [env.get("DOWNHILL_NODE", "node"), script, *solutions, home, root]
    if mode == "shared":
        os.makedirs(home, mode=0o700, exist_ok=True)
        subprocess.run(command, check=True)
        return
    entry = ensure_account(spawner.user.name)
    os.makedirs(home, mode=0o700, exist_ok=True)
    os.chown(home, entry.pw_uid, entry.pw_gid, follow_symlinks=False)
    os.chmod(home, 0o700, follow_symlinks=False)
    subprocess.run(command, check=True, cwd=home, user=entry.pw_uid, group=entry.pw_gid, extra_groups=[],
                   umask=0o077)


c.Spawner.pre_spawn_hook = copy_course
