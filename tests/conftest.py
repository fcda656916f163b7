from conftest_s3 import own_s3_server, s3_env, s3_server, s3_url  # noqa: F401
