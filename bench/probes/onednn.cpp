// Probe for impl_onednn.cpp: the oneDNN 2.x API the bench calls (3.x
// dropped the operation descriptors), compiled and linked as the bench is
// (peers.cmake). Never run; it only has to build.
#include <oneapi/dnnl/dnnl.hpp>

#include <string>
#include <unordered_map>

int main() {
  using dnnl::memory;
  using tag = memory::format_tag;
  dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  dnnl::stream stream(engine);
  const auto dt = memory::data_type::f32;
  const tag tags[] = {tag::ncw, tag::nchw, tag::ncdhw, tag::oiw, tag::oihw,
                      tag::oidhw, tag::goiw, tag::goihw, tag::goidhw};
  const memory::dims src_dims{1, 1, 4, 4}, wei_dims{1, 1, 3, 3}, dst_dims{1, 1, 2, 2};
  const memory::dims strides{1, 1}, dilates{0, 0}, pad{0, 0};
  const memory::desc src_md(src_dims, dt, tag::any), dst_md(dst_dims, dt, tags[1]);
  const memory::desc wei_md(wei_dims, dt, tag::any);
  const dnnl::convolution_forward::desc desc(dnnl::prop_kind::forward_inference,
                                             dnnl::algorithm::convolution_direct, src_md, wei_md,
                                             dst_md, strides, dilates, pad, pad);
  const dnnl::convolution_forward::primitive_desc pd(desc, engine);
  const dnnl::convolution_forward conv(pd);
  const std::string info = pd.impl_info_str();

  float weights[9] = {}, image[16] = {}, out[4] = {};
  memory user_wei({wei_dims, dt, tags[4]}, engine, weights);
  memory wei = user_wei;
  if (!(pd.weights_desc() == user_wei.get_desc())) {
    wei = memory(pd.weights_desc(), engine);
    dnnl::reorder(user_wei, wei).execute(stream, user_wei, wei);
  }
  memory user_src({src_dims, dt, tags[1]}, engine, image), src(pd.src_desc(), engine);
  dnnl::reorder(user_src, src).execute(stream, user_src, src);
  memory dst(pd.dst_desc(), engine, out);
  const std::unordered_map<int, memory> args{
      {DNNL_ARG_SRC, src}, {DNNL_ARG_WEIGHTS, wei}, {DNNL_ARG_DST, dst}};
  conv.execute(stream, args);
  stream.wait();
  return dst.get_data_handle() && dst.get_desc().get_size() && !info.empty() ? 0 : 1;
}
