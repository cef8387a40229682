# bench/lib.sh: what the benchmark scripts share (sourced, not run).

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_for() {  # wait_for SECONDS COMMAND…
  local deadline=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.5
  done
}

# mosquitto_tls_files DIR: an ECDSA P-256 CA (DIR/ca.pem) and server certificate for 127.0.0.1 (DIR/server.pem,
# DIR/server.key), readable by mosquitto after it drops root privileges.
mosquitto_tls_files() {
  local mq="$1"
  mkdir -p "$mq"; chmod 755 "$(dirname "$mq")" "$mq"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=bench-ca" \
    -keyout "$mq/ca.key" -out "$mq/ca.pem" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=127.0.0.1" \
    -keyout "$mq/server.key" -out "$mq/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1\n' > "$mq/ext.cnf"
  openssl x509 -req -in "$mq/server.csr" -CA "$mq/ca.pem" -CAkey "$mq/ca.key" -CAcreateserial -days 2 \
    -extfile "$mq/ext.cnf" -out "$mq/server.pem" 2>/dev/null
  chmod 644 "$mq"/*
}

# mosquitto_settings: the broker settings of every run (no persistence, no inflight limit, Nagle off); the
# caller appends its listeners.
mosquitto_settings() {
  printf '%s\n' 'per_listener_settings false' 'allow_anonymous true' 'persistence false' 'log_type error' \
    'log_dest stderr' 'max_inflight_messages 0' 'max_queued_messages 100000' 'set_tcp_nodelay true'
}
