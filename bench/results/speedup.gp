set terminal pngcairo size 1800,2600 font "DejaVu Sans,10" noenhanced
set output "bench/results/speedup.png"
set multiplot layout 6,2 title "convjit speedup over the fastest correct peer (its time / convjit's; above 1: convjit is faster)" font ",14"
set logscale y
set format y "%g"
set grid ytics mytics lc rgb "#dddddd"
set xtics rotate by 40 right font ",8"
set bmargin 8
set style fill solid 0.8
set key outside right top Left reverse font ",9"
set rmargin 22
set ytics (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
unset mytics
$s0 << EOD
0 "image3x3" NaN NaN NaN NaN NaN 2.8213
1 "small_strided" NaN 4.16225 NaN NaN NaN NaN
2 "tiny" NaN NaN NaN NaN 3.4552 NaN
3 "im2col50" NaN NaN NaN NaN NaN 7.57471
4 "im2col250" NaN NaN NaN NaN NaN 2.94787
5 "im2col1000" NaN NaN NaN NaN NaN 2.25038
6 "batch1000" NaN 8.15704 NaN NaN NaN NaN
7 "batch30000" NaN 5.00712 NaN NaN NaN NaN
EOD
set title "seeds f32, 1 thread"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:12.2356]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s0 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s0 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s0 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s0 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s0 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s0 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s0 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s1 << EOD
0 "image3x3" NaN NaN NaN NaN NaN 5.2334
1 "small_strided" NaN NaN NaN 5.99025 NaN NaN
2 "tiny" NaN NaN NaN NaN 3.47714 NaN
3 "im2col50" NaN NaN NaN NaN NaN 7.87687
4 "im2col250" NaN NaN NaN NaN NaN 2.29052
5 "im2col1000" NaN NaN NaN NaN NaN 1.42095
6 "batch1000" NaN NaN NaN 0.253803 NaN NaN
7 "batch30000" NaN 6.99915 NaN NaN NaN NaN
EOD
set title "seeds f32, 2 threads"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.169202:11.8153]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s1 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s1 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s1 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s1 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s1 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s1 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s1 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s2 << EOD
0 "image3x3" NaN NaN NaN NaN NaN 3.86293
1 "small_strided" NaN NaN NaN 6.04268 NaN NaN
2 "tiny" NaN NaN NaN NaN 3.28708 NaN
3 "im2col50" NaN NaN NaN NaN NaN 5.89932
4 "im2col250" NaN NaN NaN NaN NaN 3.54663
5 "im2col1000" NaN NaN NaN NaN NaN 2.65706
6 "batch1000" NaN NaN NaN 8.50886 NaN NaN
7 "batch30000" NaN NaN NaN 6.37099 NaN NaN
EOD
set title "seeds f64, 1 thread"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:12.7633]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s2 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s2 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s2 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s2 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s2 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s2 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s2 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s3 << EOD
0 "image3x3" NaN NaN NaN NaN NaN 0.113264
1 "small_strided" NaN NaN NaN 6.41555 NaN NaN
2 "tiny" NaN NaN NaN NaN 3.45072 NaN
3 "im2col50" NaN NaN NaN NaN NaN 5.98492
4 "im2col250" NaN NaN NaN NaN NaN 0.00376756
5 "im2col1000" NaN NaN NaN NaN NaN 0.0560802
6 "batch1000" NaN NaN NaN 0.347026 NaN NaN
7 "batch30000" NaN NaN NaN 4.03871 NaN NaN
EOD
set title "seeds f64, 2 threads"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.00251171:9.62333]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s3 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s3 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s3 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s3 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s3 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s3 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s3 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s4 << EOD
0 "conv1" NaN 0.782554 NaN NaN NaN NaN
1 "res2a_branch1*4" NaN 0.929955 NaN NaN NaN NaN
2 "res2a_branch2a" NaN 0.933046 NaN NaN NaN NaN
3 "res2a_branch2b*3" NaN 0.898739 NaN NaN NaN NaN
4 "res2b_branch2a*2" NaN 0.782183 NaN NaN NaN NaN
5 "res3a_branch1" NaN 0.662616 NaN NaN NaN NaN
6 "res3a_branch2a" NaN 0.594903 NaN NaN NaN NaN
7 "res3a_branch2b*4" NaN 0.88147 NaN NaN NaN NaN
8 "res3a_branch2c*4" NaN NaN 0.988912 NaN NaN NaN
9 "res3b_branch2a*3" NaN 0.878095 NaN NaN NaN NaN
10 "res4a_branch1" NaN 0.900743 NaN NaN NaN NaN
11 "res4a_branch2a" NaN 0.638608 NaN NaN NaN NaN
12 "res4a_branch2b*6" NaN 0.858394 NaN NaN NaN NaN
13 "res4a_branch2c*6" NaN 0.901369 NaN NaN NaN NaN
14 "res4b_branch2a*5" NaN 0.361768 NaN NaN NaN NaN
15 "res5a_branch1" NaN 0.785607 NaN NaN NaN NaN
16 "res5a_branch2a" NaN 0.487964 NaN NaN NaN NaN
17 "res5a_branch2b*3" NaN 0.799168 NaN NaN NaN NaN
18 "res5a_branch2c*3" NaN 0.929297 NaN NaN NaN NaN
19 "res5b_branch2a*2" NaN 0.582284 NaN NaN NaN NaN
EOD
set title "resnet50 f32, 1 thread"
set xrange [-0.6:20-0.4]
set ylabel "speedup"
set yrange [0.241179:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s4 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s4 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s4 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s4 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s4 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s4 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s4 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s5 << EOD
0 "conv1" NaN 0.729757 NaN NaN NaN NaN
1 "res2a_branch1*4" NaN 0.451283 NaN NaN NaN NaN
2 "res2a_branch2a" NaN NaN NaN 0.0296473 NaN NaN
3 "res2a_branch2b*3" NaN NaN 0.498114 NaN NaN NaN
4 "res2b_branch2a*2" NaN NaN NaN 0.131823 NaN NaN
5 "res3a_branch1" NaN NaN 0.502844 NaN NaN NaN
6 "res3a_branch2a" NaN 0.994879 NaN NaN NaN NaN
7 "res3a_branch2b*4" NaN 0.50239 NaN NaN NaN NaN
8 "res3a_branch2c*4" NaN NaN NaN 0.107221 NaN NaN
9 "res3b_branch2a*3" NaN NaN NaN 0.112296 NaN NaN
10 "res4a_branch1" NaN NaN 0.470357 NaN NaN NaN
11 "res4a_branch2a" NaN NaN 0.499632 NaN NaN NaN
12 "res4a_branch2b*6" NaN NaN 0.359064 NaN NaN NaN
13 "res4a_branch2c*6" NaN NaN NaN 0.164057 NaN NaN
14 "res4b_branch2a*5" NaN NaN NaN 0.085121 NaN NaN
15 "res5a_branch1" NaN NaN 0.502315 NaN NaN NaN
16 "res5a_branch2a" NaN 0.485126 NaN NaN NaN NaN
17 "res5a_branch2b*3" NaN NaN 0.505414 NaN NaN NaN
18 "res5a_branch2c*3" NaN 0.0139474 NaN NaN NaN NaN
19 "res5b_branch2a*2" NaN NaN NaN 0.0646583 NaN NaN
EOD
set title "resnet50 f32, 2 threads"
set xrange [-0.6:20-0.4]
set ylabel "speedup"
set yrange [0.00929825:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s5 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s5 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s5 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s5 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s5 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s5 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s5 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s6 << EOD
0 "conv1*3" NaN 0.68238 NaN NaN NaN NaN
1 "conv2*4" NaN NaN 1.06405 NaN NaN NaN
2 "conv3*4" NaN 0.920869 NaN NaN NaN NaN
3 "conv4*4" NaN 0.840244 NaN NaN NaN NaN
4 "conv5*4" NaN 1.00755 NaN NaN NaN NaN
5 "conv6*4" NaN 0.761798 NaN NaN NaN NaN
6 "conv7*4" NaN 0.931951 NaN NaN NaN NaN
7 "conv8*20" NaN 0.921014 NaN NaN NaN NaN
8 "conv9*4" NaN 0.893192 NaN NaN NaN NaN
9 "conv10*4" NaN 0.725765 NaN NaN NaN NaN
10 "conv11*4" NaN NaN 0.324473 NaN NaN NaN
EOD
set title "mobilenet f32, 1 thread"
set xrange [-0.6:11-0.4]
set ylabel "speedup"
set yrange [0.216315:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s6 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s6 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s6 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s6 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s6 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s6 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s6 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s7 << EOD
0 "conv1*3" NaN NaN 0.017737 NaN NaN NaN
1 "conv2*4" NaN NaN NaN 1.1072 NaN NaN
2 "conv3*4" NaN NaN NaN 0.0760088 NaN NaN
3 "conv4*4" NaN NaN NaN 0.152939 NaN NaN
4 "conv5*4" NaN 0.451168 NaN NaN NaN NaN
5 "conv6*4" NaN NaN NaN 0.0528168 NaN NaN
6 "conv7*4" NaN NaN NaN 0.0588193 NaN NaN
7 "conv8*20" NaN NaN NaN 0.118971 NaN NaN
8 "conv9*4" NaN NaN NaN 0.0322236 NaN NaN
9 "conv10*4" NaN NaN NaN 0.0600265 NaN NaN
10 "conv11*4" NaN NaN 0.312832 NaN NaN NaN
EOD
set title "mobilenet f32, 2 threads"
set xrange [-0.6:11-0.4]
set ylabel "speedup"
set yrange [0.0118247:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s7 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s7 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s7 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s7 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s7 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s7 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s7 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s8 << EOD
0 "conv2_1/dw" NaN 0.75769 NaN NaN NaN NaN
1 "conv2_2/dw" NaN 0.144857 NaN NaN NaN NaN
2 "conv3_1/dw" NaN 0.490283 NaN NaN NaN NaN
3 "conv3_2/dw" NaN 0.108994 NaN NaN NaN NaN
4 "conv4_1/dw" NaN 0.295217 NaN NaN NaN NaN
5 "conv4_2/dw" NaN 0.162921 NaN NaN NaN NaN
6 "conv5_1/dw" NaN 0.269657 NaN NaN NaN NaN
7 "conv5_6/dw" NaN 0.15427 NaN NaN NaN NaN
8 "conv6/dw" NaN 0.254314 NaN NaN NaN NaN
EOD
set title "mobilenet_dw f32, 1 thread"
set xrange [-0.6:9-0.4]
set ylabel "speedup"
set yrange [0.0726628:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s8 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s8 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s8 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s8 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s8 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s8 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s8 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s9 << EOD
0 "conv2_1/dw" NaN 0.954714 NaN NaN NaN NaN
1 "conv2_2/dw" NaN NaN NaN 0.202511 NaN NaN
2 "conv3_1/dw" NaN NaN 0.999768 NaN NaN NaN
3 "conv3_2/dw" NaN NaN NaN 0.0559973 NaN NaN
4 "conv4_1/dw" NaN NaN NaN 0.102656 NaN NaN
5 "conv4_2/dw" NaN NaN NaN 0.0185681 NaN NaN
6 "conv5_1/dw" NaN NaN NaN 0.0371321 NaN NaN
7 "conv5_6/dw" NaN 0.150657 NaN NaN NaN NaN
8 "conv6/dw" NaN NaN NaN 0.0356146 NaN NaN
EOD
set title "mobilenet_dw f32, 2 threads"
set xrange [-0.6:9-0.4]
set ylabel "speedup"
set yrange [0.0123787:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s9 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s9 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s9 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s9 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s9 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s9 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s9 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s10 << EOD
0 "loop(1000 calls)" NaN NaN 4.22955 NaN NaN NaN
1 "batch(30060)" NaN NaN 3.88746 NaN NaN NaN
EOD
set title "ragged f32, 1 thread"
set xrange [-0.6:2-0.4]
set ylabel "speedup"
set yrange [0.5:6.34432]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s10 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s10 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s10 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s10 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s10 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s10 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s10 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s11 << EOD
0 "loop(1000 calls)" NaN 2.67045 NaN NaN NaN NaN
1 "batch(30060)" NaN NaN 3.49985 NaN NaN NaN
EOD
set title "ragged f32, 2 threads"
set xrange [-0.6:2-0.4]
set ylabel "speedup"
set yrange [0.5:5.24978]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s11 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s11 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s11 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s11 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s11 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s11 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s11 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
unset multiplot
