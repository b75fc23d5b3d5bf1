#!/usr/bin/awk -f
# bench/api-cpu.sh COUNTERS=1: sums a dotnet-counters CSV (one row per counter per second) over the recording.
BEGIN { FS = "," }
NR == 1 { next }
$3 ~ /^dotnet.gc.pause.time/ { pause += $5 }
$3 ~ /gen0\]$/ { gen0 += $5 }
$3 ~ /gen1\]$/ { gen1 += $5 }
$3 ~ /gen2\]$/ { gen2 += $5 }
$3 ~ /^dotnet.monitor.lock_contentions/ { locks += $5 }
$3 ~ /^dotnet.thread_pool.queue.length/ { queued += $5; samples++; if ($5 > queue_max) queue_max = $5 }
$3 ~ /^dotnet.thread_pool.thread.count/ { if ($5 > threads_max) threads_max = $5 }
END {
    printf "counters over %d s: GC pauses %.1f ms in all (%d gen0, %d gen1, %d gen2 collections); thread pool queue mean %.1f, max %d; threads max %d; lock contentions %d\n",
        samples, 1000 * pause, gen0, gen1, gen2, samples ? queued / samples : 0, queue_max, threads_max, locks
}
