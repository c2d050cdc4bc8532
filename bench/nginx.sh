# Sourced by the benchmarks that compare a page with nginx serving a copy of
# it. nginx_static_conf DIR PORT writes DIR/nginx.conf: Debian's nginx
# serving DIR/www/index.html for every path on 127.0.0.1:PORT, with sendfile,
# no access log and its temporary files under DIR/tmp (made here). The port
# is opened with reuseport, one socket per worker: without it, how wrk's 32
# connections happened to split between the two workers decided the figure
# (80,000 to 140,000 req/s for the same file, run to run).
nginx_static_conf() {
  local dir=$1 port=$2 user_line=""
  mkdir -p "$dir/www" "$dir/tmp"
  [ "$(id -u)" = 0 ] && user_line="user $(id -un) $(id -gn);" # workers run as us, not nobody
  cat >"$dir/nginx.conf" <<EOF
# Minimal nginx for the baseline: one static file, no access log.
$user_line
daemon off;
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/tmp/client;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    default_type text/html;
    sendfile on;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$port reuseport;
        root $dir/www;
        location / { try_files /index.html =404; }
    }
}
EOF
}
