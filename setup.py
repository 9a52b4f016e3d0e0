"""Package layout that pyproject.toml cannot express on its own: the top-level
``resources/`` folder (default show, icons, translations) is installed as the data-only
package ``moderator_app._resources``, so a wheel finds its resources the same way a source
checkout and the bundle do (see moderator_app/resources.py). Everything else is in
pyproject.toml.
"""

from setuptools import find_packages, setup

RESOURCE_PACKAGE = "moderator_app._resources"

setup(
    packages=[*find_packages(include=["moderator_app", "moderator_app.*"]), RESOURCE_PACKAGE],
    package_dir={RESOURCE_PACKAGE: "resources"},
    package_data={
        RESOURCE_PACKAGE: ["*", "*/*", "*/*/*"],
        # The browser views (html/js/css) the network server serves: files, not a package.
        "moderator_app.server": ["static/*", "static/*/*"],
    },
    include_package_data=False,
)
