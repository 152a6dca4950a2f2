#!/usr/bin/env bash
# Reruns everything RELIABILITY.md reports and rewrites it: the attacks, races, store faults and
# redeploys tried against the promises in README.md, with a real Redis, Redis Cluster and
# PostgreSQL (started and stopped by scripts/test.sh), then store outages under load
# (scripts/outage.sh). Takes about ten minutes on two cores.
#
#   bash scripts/reliability.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# The test classes RELIABILITY.md reports, by section (see scripts/reliability-report.py).
ATTACKS='FlowWebTests,FlowWebCookieBinderTests,*TaskOwnershipWebTests,NoSessionIdInUrlTests,ForeignTaskIdTest,ForeignPaymentMethodTest,ChangeOfUser*Test,ErrorPagesTest,InputLimitsTest,TaskBinderTest'
RACES='FlowsSharedStoreClaimTests,DoubleSubmitWebTests,DoubleSubmitTest,FlowEngineRequestTest,EnginePropertiesTest,FlowsSharedStoreWebTests,FlowsSharedStoreTests,TwoTabsTest'
FAULTS='StoreOutageTests,TaskStoreGuardTest,FlowsStoreGuardAutoConfigurationTests,RedisTaskStoreUnavailableTest,JpaTaskStoreSetupTest'
REDEPLOYS='RedeployWebTests,TaskPersistenceTest,JpaTaskStoreSchemaUpgradeTest,StepFormWebTests,RewindStateTest'

# The outage measurement drives load with wrk; on Debian as root, install it (and curl) if missing.
for tool in wrk curl; do
  if ! command -v "$tool" >/dev/null && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
  fi
done

mkdir -p target/reliability
status=0
bash scripts/test.sh -pl flows-core,flows-spring-boot-autoconfigure,flows-spring-boot-starter,flows-test,flows-sample \
  -Dtest="$ATTACKS,$RACES,$FAULTS,$REDEPLOYS" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dflows.it.skip=true || status=$?
bash scripts/outage.sh > target/reliability/outage.txt 2>target/reliability/outage.log || status=$?
python3 scripts/reliability-report.py > RELIABILITY.md || status=$?
echo "[reliability.sh] RELIABILITY.md rewritten (exit $status)" >&2
exit "$status"
