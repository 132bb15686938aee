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
0 "image3x3" NaN NaN NaN NaN NaN NaN 2.76859
1 "small_strided" NaN NaN 3.70034 NaN NaN NaN NaN
2 "tiny" NaN NaN NaN NaN NaN 2.44458 NaN
3 "im2col50" NaN NaN NaN NaN NaN NaN 8.23949
4 "im2col250" NaN NaN NaN NaN NaN NaN 3.21388
5 "im2col1000" NaN NaN NaN NaN NaN NaN 2.3697
6 "batch1000" NaN NaN 8.11259 NaN NaN NaN NaN
7 "batch30000" NaN NaN NaN 7.74853 NaN NaN NaN
EOD
set title "seeds f32, 1 thread"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:12.3592]
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
0 "image3x3" NaN NaN NaN NaN NaN NaN 5.22098
1 "small_strided" NaN NaN 3.13805 NaN NaN NaN NaN
2 "tiny" NaN NaN NaN NaN NaN 2.33844 NaN
3 "im2col50" NaN NaN NaN NaN NaN NaN 8.2964
4 "im2col250" NaN NaN NaN NaN NaN NaN 5.20001
5 "im2col1000" NaN NaN NaN NaN NaN NaN 4.40807
6 "batch1000" NaN NaN 6.89253 NaN NaN NaN NaN
7 "batch30000" NaN NaN 8.36967 NaN NaN NaN NaN
EOD
set title "seeds f32, 2 threads"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:12.5545]
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
0 "image3x3" NaN NaN NaN NaN NaN NaN 3.71467
1 "small_strided" NaN NaN NaN NaN 5.51044 NaN NaN
2 "tiny" NaN NaN NaN NaN NaN 2.6863 NaN
3 "im2col50" NaN NaN NaN NaN NaN NaN 5.42688
4 "im2col250" NaN NaN NaN NaN NaN NaN 3.44348
5 "im2col1000" NaN NaN NaN NaN NaN NaN 2.37193
6 "batch1000" NaN NaN NaN NaN 8.38922 NaN NaN
7 "batch30000" NaN NaN NaN NaN 8.01136 NaN NaN
EOD
set title "seeds f64, 1 thread"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:12.5838]
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
0 "image3x3" NaN NaN NaN NaN NaN NaN 7.2769
1 "small_strided" NaN NaN NaN NaN 5.3899 NaN NaN
2 "tiny" NaN NaN NaN NaN NaN 2.62525 NaN
3 "im2col50" NaN NaN NaN NaN NaN NaN 5.21919
4 "im2col250" NaN NaN NaN NaN NaN NaN 6.36152
5 "im2col1000" NaN NaN NaN NaN NaN NaN 5.45987
6 "batch1000" NaN NaN NaN NaN 14.4203 NaN NaN
7 "batch30000" NaN NaN NaN NaN 13.3115 NaN NaN
EOD
set title "seeds f64, 2 threads"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:21.6304]
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
0 "conv1" NaN NaN 0.904275 NaN NaN NaN NaN
1 "res2a_branch1*4" NaN NaN 1.00661 NaN NaN NaN NaN
2 "res2a_branch2a" NaN NaN 0.982825 NaN NaN NaN NaN
3 "res2a_branch2b*3" NaN NaN 0.944959 NaN NaN NaN NaN
4 "res2b_branch2a*2" NaN NaN 0.997226 NaN NaN NaN NaN
5 "res3a_branch1" NaN NaN 0.859196 NaN NaN NaN NaN
6 "res3a_branch2a" NaN NaN 0.847146 NaN NaN NaN NaN
7 "res3a_branch2b*4" NaN NaN 0.951586 NaN NaN NaN NaN
8 "res3a_branch2c*4" NaN NaN 0.990661 NaN NaN NaN NaN
9 "res3b_branch2a*3" NaN NaN 0.98648 NaN NaN NaN NaN
10 "res4a_branch1" NaN NaN 0.978554 NaN NaN NaN NaN
11 "res4a_branch2a" NaN NaN 0.716757 NaN NaN NaN NaN
12 "res4a_branch2b*6" NaN NaN 0.868611 NaN NaN NaN NaN
13 "res4a_branch2c*6" NaN NaN 0.927998 NaN NaN NaN NaN
14 "res4b_branch2a*5" NaN NaN 0.90642 NaN NaN NaN NaN
15 "res5a_branch1" NaN NaN 0.979907 NaN NaN NaN NaN
16 "res5a_branch2a" NaN NaN 0.948617 NaN NaN NaN NaN
17 "res5a_branch2b*3" NaN NaN 0.830985 NaN NaN NaN NaN
18 "res5a_branch2c*3" NaN NaN 0.949105 NaN NaN NaN NaN
19 "res5b_branch2a*2" NaN NaN 0.929396 NaN NaN NaN NaN
EOD
set title "resnet50 f32, 1 thread"
set xrange [-0.6:20-0.4]
set ylabel "speedup"
set yrange [0.477838:2]
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
0 "conv1" NaN NaN 0.925855 NaN NaN NaN NaN
1 "res2a_branch1*4" NaN NaN 0.941482 NaN NaN NaN NaN
2 "res2a_branch2a" NaN NaN 1.00208 NaN NaN NaN NaN
3 "res2a_branch2b*3" NaN NaN 0.929884 NaN NaN NaN NaN
4 "res2b_branch2a*2" NaN NaN 1.01013 NaN NaN NaN NaN
5 "res3a_branch1" NaN NaN 0.827824 NaN NaN NaN NaN
6 "res3a_branch2a" NaN NaN 0.859614 NaN NaN NaN NaN
7 "res3a_branch2b*4" NaN NaN 0.955612 NaN NaN NaN NaN
8 "res3a_branch2c*4" NaN NaN 0.946512 NaN NaN NaN NaN
9 "res3b_branch2a*3" NaN NaN 0.972955 NaN NaN NaN NaN
10 "res4a_branch1" NaN NaN 0.935795 NaN NaN NaN NaN
11 "res4a_branch2a" NaN NaN 0.700939 NaN NaN NaN NaN
12 "res4a_branch2b*6" NaN NaN 0.882916 NaN NaN NaN NaN
13 "res4a_branch2c*6" NaN NaN 0.475346 NaN NaN NaN NaN
14 "res4b_branch2a*5" NaN NaN 0.800985 NaN NaN NaN NaN
15 "res5a_branch1" NaN NaN 0.728409 NaN NaN NaN NaN
16 "res5a_branch2a" NaN NaN 0.822349 NaN NaN NaN NaN
17 "res5a_branch2b*3" NaN NaN 0.717715 NaN NaN NaN NaN
18 "res5a_branch2c*3" NaN NaN 0.88985 NaN NaN NaN NaN
19 "res5b_branch2a*2" NaN NaN 1.01656 NaN NaN NaN NaN
EOD
set title "resnet50 f32, 2 threads"
set xrange [-0.6:20-0.4]
set ylabel "speedup"
set yrange [0.316897:2]
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
0 "conv1*3" NaN NaN 0.838953 NaN NaN NaN NaN
1 "conv2*4" NaN NaN 1.01739 NaN NaN NaN NaN
2 "conv3*4" NaN NaN 1.03511 NaN NaN NaN NaN
3 "conv4*4" NaN NaN NaN 1.02234 NaN NaN NaN
4 "conv5*4" NaN NaN 0.998924 NaN NaN NaN NaN
5 "conv6*4" NaN NaN 1.00659 NaN NaN NaN NaN
6 "conv7*4" NaN NaN 0.928876 NaN NaN NaN NaN
7 "conv8*20" NaN NaN 0.916359 NaN NaN NaN NaN
8 "conv9*4" NaN NaN 0.916195 NaN NaN NaN NaN
9 "conv10*4" NaN NaN 0.95732 NaN NaN NaN NaN
10 "conv11*4" NaN NaN NaN 1.30807 NaN NaN NaN
EOD
set title "mobilenet f32, 1 thread"
set xrange [-0.6:11-0.4]
set ylabel "speedup"
set yrange [0.5:2]
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
0 "conv1*3" NaN NaN 0.844991 NaN NaN NaN NaN
1 "conv2*4" NaN NaN 1.01994 NaN NaN NaN NaN
2 "conv3*4" NaN NaN NaN 1.00615 NaN NaN NaN
3 "conv4*4" NaN NaN NaN 0.992265 NaN NaN NaN
4 "conv5*4" NaN NaN 0.962484 NaN NaN NaN NaN
5 "conv6*4" NaN NaN 0.971136 NaN NaN NaN NaN
6 "conv7*4" NaN NaN 0.474481 NaN NaN NaN NaN
7 "conv8*20" NaN NaN 0.471164 NaN NaN NaN NaN
8 "conv9*4" NaN NaN 0.858767 NaN NaN NaN NaN
9 "conv10*4" NaN NaN 0.956126 NaN NaN NaN NaN
10 "conv11*4" NaN NaN NaN 1.44186 NaN NaN NaN
EOD
set title "mobilenet f32, 2 threads"
set xrange [-0.6:11-0.4]
set ylabel "speedup"
set yrange [0.31411:2.16279]
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
0 "conv2_1/dw" NaN NaN 0.865518 NaN NaN NaN NaN
1 "conv2_2/dw" NaN NaN 0.274539 NaN NaN NaN NaN
2 "conv3_1/dw" NaN NaN 0.63868 NaN NaN NaN NaN
3 "conv3_2/dw" NaN NaN 0.198538 NaN NaN NaN NaN
4 "conv4_1/dw" NaN NaN 0.450937 NaN NaN NaN NaN
5 "conv4_2/dw" NaN NaN 0.368587 NaN NaN NaN NaN
6 "conv5_1/dw" NaN NaN 0.424536 NaN NaN NaN NaN
7 "conv5_6/dw" NaN NaN 0.25661 NaN NaN NaN NaN
8 "conv6/dw" NaN NaN 0.353274 NaN NaN NaN NaN
EOD
set title "mobilenet_dw f32, 1 thread"
set xrange [-0.6:9-0.4]
set ylabel "speedup"
set yrange [0.132359:2]
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
0 "conv2_1/dw" NaN NaN 0.737889 NaN NaN NaN NaN
1 "conv2_2/dw" NaN NaN 0.272403 NaN NaN NaN NaN
2 "conv3_1/dw" NaN NaN 0.67025 NaN NaN NaN NaN
3 "conv3_2/dw" NaN NaN 0.191121 NaN NaN NaN NaN
4 "conv4_1/dw" NaN NaN 0.39643 NaN NaN NaN NaN
5 "conv4_2/dw" NaN NaN 0.335164 NaN NaN NaN NaN
6 "conv5_1/dw" NaN NaN 0.411473 NaN NaN NaN NaN
7 "conv5_6/dw" NaN NaN 0.19406 NaN NaN NaN NaN
8 "conv6/dw" NaN NaN 0.303523 NaN NaN NaN NaN
EOD
set title "mobilenet_dw f32, 2 threads"
set xrange [-0.6:9-0.4]
set ylabel "speedup"
set yrange [0.127414:2]
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
0 "tensors(1000)" NaN NaN 8.49899 NaN NaN NaN NaN
1 "batch(30060)" NaN NaN NaN 8.29913 NaN NaN NaN
EOD
set title "ragged f32, 1 thread"
set xrange [-0.6:2-0.4]
set ylabel "speedup"
set yrange [0.5:12.7485]
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
0 "tensors(1000)" NaN NaN NaN 8.81719 NaN NaN NaN
1 "batch(30060)" NaN NaN 8.60923 NaN NaN NaN NaN
EOD
set title "ragged f32, 2 threads"
set xrange [-0.6:2-0.4]
set ylabel "speedup"
set yrange [0.5:13.2258]
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
