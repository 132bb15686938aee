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
0 "image3x3" NaN NaN NaN NaN NaN NaN 2.73827
1 "small_strided" NaN NaN 3.98943 NaN NaN NaN NaN
2 "tiny" NaN NaN NaN NaN NaN 3.2332 NaN
3 "im2col50" NaN NaN NaN NaN NaN NaN 7.40271
4 "im2col250" NaN NaN NaN NaN NaN NaN 3.25099
5 "im2col1000" NaN NaN NaN NaN NaN NaN 2.32615
6 "batch1000" NaN NaN 7.89829 NaN NaN NaN NaN
7 "batch30000" NaN NaN 7.32247 NaN NaN NaN NaN
EOD
set title "seeds f32, 1 thread"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:11.8474]
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
0 "image3x3" NaN NaN NaN NaN NaN NaN 5.38577
1 "small_strided" NaN NaN NaN NaN 6.01757 NaN NaN
2 "tiny" NaN NaN NaN NaN NaN 3.26266 NaN
3 "im2col50" NaN NaN NaN NaN NaN NaN 7.18986
4 "im2col250" NaN NaN NaN NaN NaN NaN 4.83412
5 "im2col1000" NaN NaN NaN NaN NaN NaN 4.34062
6 "batch1000" NaN NaN 8.10793 NaN NaN NaN NaN
7 "batch30000" NaN NaN 5.87911 NaN NaN NaN NaN
EOD
set title "seeds f32, 2 threads"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:12.1619]
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
0 "image3x3" NaN NaN NaN NaN NaN NaN 3.75757
1 "small_strided" NaN NaN NaN NaN 5.71695 NaN NaN
2 "tiny" NaN NaN NaN NaN NaN 3.25448 NaN
3 "im2col50" NaN NaN NaN NaN NaN NaN 6.24917
4 "im2col250" NaN NaN NaN NaN NaN NaN 3.40091
5 "im2col1000" NaN NaN NaN NaN NaN NaN 2.63302
6 "batch1000" NaN NaN NaN NaN 7.71362 NaN NaN
7 "batch30000" NaN NaN NaN NaN 6.2807 NaN NaN
EOD
set title "seeds f64, 1 thread"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:11.5704]
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
0 "image3x3" NaN NaN NaN NaN NaN NaN 7.57043
1 "small_strided" NaN NaN NaN NaN 5.85662 NaN NaN
2 "tiny" NaN NaN NaN NaN NaN 3.23782 NaN
3 "im2col50" NaN NaN NaN NaN NaN NaN 5.5714
4 "im2col250" NaN NaN NaN NaN NaN NaN 6.37244
5 "im2col1000" NaN NaN NaN NaN NaN NaN 5.51455
6 "batch1000" NaN NaN NaN NaN 16.0371 NaN NaN
7 "batch30000" NaN NaN NaN NaN 13.3267 NaN NaN
EOD
set title "seeds f64, 2 threads"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:24.0556]
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
0 "conv1" NaN NaN 0.813225 NaN NaN NaN NaN
1 "res2a_branch1*4" NaN NaN 0.922102 NaN NaN NaN NaN
2 "res2a_branch2a" NaN NaN 0.910103 NaN NaN NaN NaN
3 "res2a_branch2b*3" NaN NaN 0.958896 NaN NaN NaN NaN
4 "res2b_branch2a*2" NaN NaN NaN 0.773146 NaN NaN NaN
5 "res3a_branch1" NaN NaN 0.772665 NaN NaN NaN NaN
6 "res3a_branch2a" NaN NaN 0.538222 NaN NaN NaN NaN
7 "res3a_branch2b*4" NaN NaN 0.931313 NaN NaN NaN NaN
8 "res3a_branch2c*4" NaN NaN NaN 1.01005 NaN NaN NaN
9 "res3b_branch2a*3" NaN NaN 0.891452 NaN NaN NaN NaN
10 "res4a_branch1" NaN NaN 0.932885 NaN NaN NaN NaN
11 "res4a_branch2a" NaN NaN 0.810425 NaN NaN NaN NaN
12 "res4a_branch2b*6" NaN NaN 0.878173 NaN NaN NaN NaN
13 "res4a_branch2c*6" NaN NaN 0.922458 NaN NaN NaN NaN
14 "res4b_branch2a*5" NaN NaN 0.912859 NaN NaN NaN NaN
15 "res5a_branch1" NaN NaN 0.920343 NaN NaN NaN NaN
16 "res5a_branch2a" NaN NaN 0.823989 NaN NaN NaN NaN
17 "res5a_branch2b*3" NaN NaN 0.819762 NaN NaN NaN NaN
18 "res5a_branch2c*3" NaN NaN 0.940898 NaN NaN NaN NaN
19 "res5b_branch2a*2" NaN NaN 0.968532 NaN NaN NaN NaN
EOD
set title "resnet50 f32, 1 thread"
set xrange [-0.6:20-0.4]
set ylabel "speedup"
set yrange [0.358814:2]
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
0 "conv1" NaN NaN 0.774641 NaN NaN NaN NaN
1 "res2a_branch1*4" NaN NaN 0.481876 NaN NaN NaN NaN
2 "res2a_branch2a" NaN NaN 0.46408 NaN NaN NaN NaN
3 "res2a_branch2b*3" NaN NaN 0.977889 NaN NaN NaN NaN
4 "res2b_branch2a*2" NaN NaN 0.393095 NaN NaN NaN NaN
5 "res3a_branch1" NaN NaN 0.726333 NaN NaN NaN NaN
6 "res3a_branch2a" NaN NaN 0.668484 NaN NaN NaN NaN
7 "res3a_branch2b*4" NaN NaN 0.938015 NaN NaN NaN NaN
8 "res3a_branch2c*4" NaN NaN 0.511851 NaN NaN NaN NaN
9 "res3b_branch2a*3" NaN NaN 0.455445 NaN NaN NaN NaN
10 "res4a_branch1" NaN NaN 0.940705 NaN NaN NaN NaN
11 "res4a_branch2a" NaN NaN 0.748092 NaN NaN NaN NaN
12 "res4a_branch2b*6" NaN NaN 0.843466 NaN NaN NaN NaN
13 "res4a_branch2c*6" NaN NaN 0.486376 NaN NaN NaN NaN
14 "res4b_branch2a*5" NaN NaN 0.559603 NaN NaN NaN NaN
15 "res5a_branch1" NaN NaN 0.890346 NaN NaN NaN NaN
16 "res5a_branch2a" NaN NaN 0.780114 NaN NaN NaN NaN
17 "res5a_branch2b*3" NaN NaN 0.672973 NaN NaN NaN NaN
18 "res5a_branch2c*3" NaN NaN 0.795099 NaN NaN NaN NaN
19 "res5b_branch2a*2" NaN NaN 0.788095 NaN NaN NaN NaN
EOD
set title "resnet50 f32, 2 threads"
set xrange [-0.6:20-0.4]
set ylabel "speedup"
set yrange [0.262063:2]
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
0 "conv1*3" NaN NaN 0.634989 NaN NaN NaN NaN
1 "conv2*4" NaN NaN 0.931499 NaN NaN NaN NaN
2 "conv3*4" NaN NaN 0.946857 NaN NaN NaN NaN
3 "conv4*4" NaN NaN 0.820305 NaN NaN NaN NaN
4 "conv5*4" NaN NaN 0.999096 NaN NaN NaN NaN
5 "conv6*4" NaN NaN 0.894089 NaN NaN NaN NaN
6 "conv7*4" NaN NaN 0.925318 NaN NaN NaN NaN
7 "conv8*20" NaN NaN 0.928139 NaN NaN NaN NaN
8 "conv9*4" NaN NaN 0.940549 NaN NaN NaN NaN
9 "conv10*4" NaN NaN 0.968068 NaN NaN NaN NaN
10 "conv11*4" NaN NaN NaN 1.12774 NaN NaN NaN
EOD
set title "mobilenet f32, 1 thread"
set xrange [-0.6:11-0.4]
set ylabel "speedup"
set yrange [0.423326:2]
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
0 "conv1*3" NaN NaN 0.441283 NaN NaN NaN NaN
1 "conv2*4" NaN NaN NaN 0.399862 NaN NaN NaN
2 "conv3*4" NaN NaN NaN 0.475658 NaN NaN NaN
3 "conv4*4" NaN NaN 0.408493 NaN NaN NaN NaN
4 "conv5*4" NaN NaN 0.503449 NaN NaN NaN NaN
5 "conv6*4" NaN NaN 0.562821 NaN NaN NaN NaN
6 "conv7*4" NaN NaN 0.474817 NaN NaN NaN NaN
7 "conv8*20" NaN NaN 0.468621 NaN NaN NaN NaN
8 "conv9*4" NaN NaN 0.92119 NaN NaN NaN NaN
9 "conv10*4" NaN NaN 0.821517 NaN NaN NaN NaN
10 "conv11*4" NaN NaN NaN 1.14354 NaN NaN NaN
EOD
set title "mobilenet f32, 2 threads"
set xrange [-0.6:11-0.4]
set ylabel "speedup"
set yrange [0.266575:2]
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
0 "conv2_1/dw" NaN NaN 0.762393 NaN NaN NaN NaN
1 "conv2_2/dw" NaN NaN 0.145664 NaN NaN NaN NaN
2 "conv3_1/dw" NaN NaN 0.494417 NaN NaN NaN NaN
3 "conv3_2/dw" NaN NaN 0.11533 NaN NaN NaN NaN
4 "conv4_1/dw" NaN NaN 0.299218 NaN NaN NaN NaN
5 "conv4_2/dw" NaN NaN 0.264791 NaN NaN NaN NaN
6 "conv5_1/dw" NaN NaN 0.310965 NaN NaN NaN NaN
7 "conv5_6/dw" NaN NaN 0.164666 NaN NaN NaN NaN
8 "conv6/dw" NaN NaN 0.195971 NaN NaN NaN NaN
EOD
set title "mobilenet_dw f32, 1 thread"
set xrange [-0.6:9-0.4]
set ylabel "speedup"
set yrange [0.0768866:2]
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
0 "conv2_1/dw" NaN NaN 0.455555 NaN NaN NaN NaN
1 "conv2_2/dw" NaN NaN 0.103307 NaN NaN NaN NaN
2 "conv3_1/dw" NaN NaN 0.444394 NaN NaN NaN NaN
3 "conv3_2/dw" NaN NaN 0.11737 NaN NaN NaN NaN
4 "conv4_1/dw" NaN NaN 0.264399 NaN NaN NaN NaN
5 "conv4_2/dw" NaN NaN 0.178577 NaN NaN NaN NaN
6 "conv5_1/dw" NaN NaN 0.377243 NaN NaN NaN NaN
7 "conv5_6/dw" NaN NaN 0.0830368 NaN NaN NaN NaN
8 "conv6/dw" NaN NaN 0.109671 NaN NaN NaN NaN
EOD
set title "mobilenet_dw f32, 2 threads"
set xrange [-0.6:9-0.4]
set ylabel "speedup"
set yrange [0.0553578:2]
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
0 "tensors(1000)" NaN NaN 7.26678 NaN NaN NaN NaN
1 "batch(30060)" NaN NaN 6.99695 NaN NaN NaN NaN
EOD
set title "ragged f32, 1 thread"
set xrange [-0.6:2-0.4]
set ylabel "speedup"
set yrange [0.5:10.9002]
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
0 "tensors(1000)" NaN NaN 6.31077 NaN NaN NaN NaN
1 "batch(30060)" NaN NaN 5.99532 NaN NaN NaN NaN
EOD
set title "ragged f32, 2 threads"
set xrange [-0.6:2-0.4]
set ylabel "speedup"
set yrange [0.5:9.46616]
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
