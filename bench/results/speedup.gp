set terminal pngcairo size 1800,2600 font "DejaVu Sans,10" noenhanced
set output "/work/main/bench/results/speedup.png"
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
0 "image3x3" NaN NaN NaN NaN NaN NaN 2.82025
1 "small_strided" NaN NaN 3.92417 NaN NaN NaN NaN
2 "tiny" NaN NaN NaN NaN NaN 2.88024 NaN
3 "im2col50" NaN NaN NaN NaN NaN NaN 6.82775
4 "im2col250" NaN NaN NaN NaN NaN NaN 2.94928
5 "im2col1000" NaN NaN NaN NaN NaN NaN 2.24845
6 "batch1000" NaN NaN 7.90771 NaN NaN NaN NaN
7 "batch30000" NaN NaN NaN 8.20404 NaN NaN NaN
EOD
set title "seeds f32, 1 thread"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:12.3061]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s0 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s0 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s0 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s0 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s0 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s0 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s0 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s0 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s1 << EOD
0 "image3x3" NaN NaN NaN NaN NaN NaN 5.38968
1 "small_strided" NaN NaN 3.15269 NaN NaN NaN NaN
2 "tiny" NaN NaN NaN NaN NaN 2.90186 NaN
3 "im2col50" NaN NaN NaN NaN NaN NaN 7.4474
4 "im2col250" NaN NaN NaN NaN NaN NaN 4.72925
5 "im2col1000" NaN NaN NaN NaN NaN NaN 4.13011
6 "batch1000" NaN NaN 7.7158 NaN NaN NaN NaN
7 "batch30000" NaN NaN 5.7438 NaN NaN NaN NaN
EOD
set title "seeds f32, 2 threads"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:11.5737]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s1 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s1 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s1 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s1 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s1 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s1 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s1 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s1 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s2 << EOD
0 "image3x3" NaN NaN NaN NaN NaN NaN 3.80691
1 "small_strided" NaN NaN NaN NaN 5.639 NaN NaN
2 "tiny" NaN NaN NaN NaN NaN 2.80169 NaN
3 "im2col50" NaN NaN NaN NaN NaN NaN 5.48183
4 "im2col250" NaN NaN NaN NaN NaN NaN 3.46117
5 "im2col1000" NaN NaN NaN NaN NaN NaN 2.80336
6 "batch1000" NaN NaN NaN NaN 8.3338 NaN NaN
7 "batch30000" NaN NaN NaN NaN 7.88171 NaN NaN
EOD
set title "seeds f64, 1 thread"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:12.5007]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s2 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s2 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s2 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s2 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s2 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s2 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s2 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s2 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s3 << EOD
0 "image3x3" NaN NaN NaN NaN NaN NaN 7.47954
1 "small_strided" NaN NaN NaN NaN 5.55502 NaN NaN
2 "tiny" NaN NaN NaN NaN NaN 2.73913 NaN
3 "im2col50" NaN NaN NaN NaN NaN NaN 5.56269
4 "im2col250" NaN NaN NaN NaN NaN NaN 6.39544
5 "im2col1000" NaN NaN NaN NaN NaN NaN 5.33323
6 "batch1000" NaN NaN NaN NaN 15.4135 NaN NaN
7 "batch30000" NaN NaN NaN NaN 13.5947 NaN NaN
EOD
set title "seeds f64, 2 threads"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:23.1203]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s3 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s3 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s3 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s3 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s3 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s3 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s3 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s3 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s4 << EOD
0 "conv1" NaN NaN 0.927657 NaN NaN NaN NaN
1 "res2a_branch1*4" NaN NaN 1.01006 NaN NaN NaN NaN
2 "res2a_branch2a" NaN NaN 0.97141 NaN NaN NaN NaN
3 "res2a_branch2b*3" NaN NaN 0.979012 NaN NaN NaN NaN
4 "res2b_branch2a*2" NaN NaN 0.999964 NaN NaN NaN NaN
5 "res3a_branch1" NaN NaN 0.902283 NaN NaN NaN NaN
6 "res3a_branch2a" NaN NaN 0.855188 NaN NaN NaN NaN
7 "res3a_branch2b*4" NaN NaN 0.947364 NaN NaN NaN NaN
8 "res3a_branch2c*4" NaN NaN NaN 0.985151 NaN NaN NaN
9 "res3b_branch2a*3" NaN NaN 0.997616 NaN NaN NaN NaN
10 "res4a_branch1" NaN NaN 0.92601 NaN NaN NaN NaN
11 "res4a_branch2a" NaN NaN 0.715486 NaN NaN NaN NaN
12 "res4a_branch2b*6" NaN NaN 0.893786 NaN NaN NaN NaN
13 "res4a_branch2c*6" NaN NaN 0.924524 NaN NaN NaN NaN
14 "res4b_branch2a*5" NaN NaN 0.882915 NaN NaN NaN NaN
15 "res5a_branch1" NaN NaN 0.937914 NaN NaN NaN NaN
16 "res5a_branch2a" NaN NaN 0.83636 NaN NaN NaN NaN
17 "res5a_branch2b*3" NaN NaN 0.808434 NaN NaN NaN NaN
18 "res5a_branch2c*3" NaN NaN 0.943148 NaN NaN NaN NaN
19 "res5b_branch2a*2" NaN NaN 0.986614 NaN NaN NaN NaN
EOD
set title "resnet50 f32, 1 thread"
set xrange [-0.6:20-0.4]
set ylabel "speedup"
set yrange [0.476991:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s4 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s4 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s4 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s4 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s4 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s4 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s4 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s4 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s5 << EOD
0 "conv1" NaN NaN 0.828228 NaN NaN NaN NaN
1 "res2a_branch1*4" NaN NaN 0.958252 NaN NaN NaN NaN
2 "res2a_branch2a" NaN NaN 0.99247 NaN NaN NaN NaN
3 "res2a_branch2b*3" NaN NaN 0.95265 NaN NaN NaN NaN
4 "res2b_branch2a*2" NaN NaN NaN 0.988069 NaN NaN NaN
5 "res3a_branch1" NaN NaN 0.841484 NaN NaN NaN NaN
6 "res3a_branch2a" NaN NaN 0.806711 NaN NaN NaN NaN
7 "res3a_branch2b*4" NaN NaN 0.907759 NaN NaN NaN NaN
8 "res3a_branch2c*4" NaN NaN 0.9506 NaN NaN NaN NaN
9 "res3b_branch2a*3" NaN NaN 0.950644 NaN NaN NaN NaN
10 "res4a_branch1" NaN NaN 0.919428 NaN NaN NaN NaN
11 "res4a_branch2a" NaN NaN 0.691343 NaN NaN NaN NaN
12 "res4a_branch2b*6" NaN NaN 0.874741 NaN NaN NaN NaN
13 "res4a_branch2c*6" NaN NaN 0.468051 NaN NaN NaN NaN
14 "res4b_branch2a*5" NaN NaN 0.595231 NaN NaN NaN NaN
15 "res5a_branch1" NaN NaN 0.904695 NaN NaN NaN NaN
16 "res5a_branch2a" NaN NaN 0.567754 NaN NaN NaN NaN
17 "res5a_branch2b*3" NaN NaN 0.685402 NaN NaN NaN NaN
18 "res5a_branch2c*3" NaN NaN 0.893972 NaN NaN NaN NaN
19 "res5b_branch2a*2" NaN NaN 0.788018 NaN NaN NaN NaN
EOD
set title "resnet50 f32, 2 threads"
set xrange [-0.6:20-0.4]
set ylabel "speedup"
set yrange [0.312034:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s5 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s5 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s5 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s5 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s5 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s5 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s5 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s5 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s6 << EOD
0 "conv1*3" NaN NaN 0.81059 NaN NaN NaN NaN
1 "conv2*4" NaN NaN 1.0187 NaN NaN NaN NaN
2 "conv3*4" NaN NaN 1.01457 NaN NaN NaN NaN
3 "conv4*4" NaN NaN 1.00095 NaN NaN NaN NaN
4 "conv5*4" NaN NaN 0.992664 NaN NaN NaN NaN
5 "conv6*4" NaN NaN 0.998129 NaN NaN NaN NaN
6 "conv7*4" NaN NaN 0.92784 NaN NaN NaN NaN
7 "conv8*20" NaN NaN 0.940232 NaN NaN NaN NaN
8 "conv9*4" NaN NaN 0.947253 NaN NaN NaN NaN
9 "conv10*4" NaN NaN 0.965534 NaN NaN NaN NaN
10 "conv11*4" NaN NaN NaN 1.51081 NaN NaN NaN
EOD
set title "mobilenet f32, 1 thread"
set xrange [-0.6:11-0.4]
set ylabel "speedup"
set yrange [0.5:2.26621]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s6 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s6 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s6 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s6 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s6 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s6 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s6 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s6 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s7 << EOD
0 "conv1*3" NaN NaN 0.839152 NaN NaN NaN NaN
1 "conv2*4" NaN NaN 1.07136 NaN NaN NaN NaN
2 "conv3*4" NaN NaN 0.9951 NaN NaN NaN NaN
3 "conv4*4" NaN NaN 0.984854 NaN NaN NaN NaN
4 "conv5*4" NaN NaN 0.943204 NaN NaN NaN NaN
5 "conv6*4" NaN NaN 0.952332 NaN NaN NaN NaN
6 "conv7*4" NaN NaN 0.466713 NaN NaN NaN NaN
7 "conv8*20" NaN NaN 0.467411 NaN NaN NaN NaN
8 "conv9*4" NaN NaN 0.902327 NaN NaN NaN NaN
9 "conv10*4" NaN NaN 0.960762 NaN NaN NaN NaN
10 "conv11*4" NaN NaN NaN 1.46907 NaN NaN NaN
EOD
set title "mobilenet f32, 2 threads"
set xrange [-0.6:11-0.4]
set ylabel "speedup"
set yrange [0.311142:2.2036]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s7 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s7 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s7 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s7 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s7 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s7 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s7 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s7 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s8 << EOD
0 "conv2_1/dw" NaN NaN 0.755495 NaN NaN NaN NaN
1 "conv2_2/dw" NaN NaN 0.226657 NaN NaN NaN NaN
2 "conv3_1/dw" NaN NaN 0.483822 NaN NaN NaN NaN
3 "conv3_2/dw" NaN NaN 0.162194 NaN NaN NaN NaN
4 "conv4_1/dw" NaN NaN 0.331093 NaN NaN NaN NaN
5 "conv4_2/dw" NaN NaN 0.286798 NaN NaN NaN NaN
6 "conv5_1/dw" NaN NaN 0.301045 NaN NaN NaN NaN
7 "conv5_6/dw" NaN NaN 0.154557 NaN NaN NaN NaN
8 "conv6/dw" NaN NaN 0.221032 NaN NaN NaN NaN
EOD
set title "mobilenet_dw f32, 1 thread"
set xrange [-0.6:9-0.4]
set ylabel "speedup"
set yrange [0.103038:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s8 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s8 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s8 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s8 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s8 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s8 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s8 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s8 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s9 << EOD
0 "conv2_1/dw" NaN NaN 0.680854 NaN NaN NaN NaN
1 "conv2_2/dw" NaN NaN 0.225498 NaN NaN NaN NaN
2 "conv3_1/dw" NaN NaN 0.548091 NaN NaN NaN NaN
3 "conv3_2/dw" NaN NaN 0.158315 NaN NaN NaN NaN
4 "conv4_1/dw" NaN NaN 0.255586 NaN NaN NaN NaN
5 "conv4_2/dw" NaN NaN 0.182925 NaN NaN NaN NaN
6 "conv5_1/dw" NaN NaN 0.187476 NaN NaN NaN NaN
7 "conv5_6/dw" NaN NaN 0.0845776 NaN NaN NaN NaN
8 "conv6/dw" NaN NaN 0.17966 NaN NaN NaN NaN
EOD
set title "mobilenet_dw f32, 2 threads"
set xrange [-0.6:9-0.4]
set ylabel "speedup"
set yrange [0.0563851:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s9 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s9 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s9 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s9 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s9 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s9 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s9 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s9 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s10 << EOD
0 "tensors(1000)" NaN NaN NaN 8.48463 NaN NaN NaN
1 "batch(30060)" NaN NaN 8.26732 NaN NaN NaN NaN
EOD
set title "ragged f32, 1 thread"
set xrange [-0.6:2-0.4]
set ylabel "speedup"
set yrange [0.5:12.727]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s10 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s10 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s10 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s10 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s10 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s10 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s10 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s10 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s11 << EOD
0 "tensors(1000)" NaN NaN 8.78341 NaN NaN NaN NaN
1 "batch(30060)" NaN NaN 5.83511 NaN NaN NaN NaN
EOD
set title "ragged f32, 2 threads"
set xrange [-0.6:2-0.4]
set ylabel "speedup"
set yrange [0.5:13.1751]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s11 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s11 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s11 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s11 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s11 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s11 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s11 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s11 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
unset multiplot
