# Hop windows of bench/traceBurstHops.mjs's trace: per first-of-burst post, the next receive;
# which threads were busy meanwhile (toplevel tasks), and hop p50 by other threads' concurrency.
import json,sys,collections,bisect
ev=json.load(open(sys.argv[1]))
ev=ev['traceEvents'] if isinstance(ev,dict) else ev
names={}
for e in ev:
    if e.get('name')=='thread_name': names[(e['pid'],e['tid'])]=e['args']['name']
marks=collections.defaultdict(list)
for e in ev:
    if e.get('cat','').find('user_timing')>=0 and e['name'] in('bc-post','bc-recv','raw-post','raw-recv'):
        d=e.get('args',{}).get('data',{}).get('detail') if isinstance(e.get('args',{}).get('data'),dict) else None
        marks[e['name']].append((e['ts'],(e['pid'],e['tid']),e.get('args')))
for k,v in marks.items(): print(k,len(v), collections.Counter(names.get(t,'?') for _,t,_ in v).most_common(3), v[0][2])
# busy intervals per thread from toplevel tasks
per=collections.defaultdict(list)
for e in ev:
    if e.get('ph')=='X' and 'dur' in e and e.get('cat','') in ('toplevel','disabled-by-default-devtools.timeline','devtools.timeline','v8.execute'):
        per[(e['pid'],e['tid'])].append((e['ts'],e['ts']+e['dur']))
merged={}
for k,iv in per.items():
    iv.sort(); m=[]
    for a,b in iv:
        if m and a<=m[-1][1]: m[-1][1]=max(m[-1][1],b)
        else: m.append([a,b])
    merged[k]=m
def busy(k,a,b):
    t=0
    for x,y in merged.get(k,[]):
        if y<a: continue
        if x>b: break
        t+=min(y,b)-max(x,a)
    return t
def hops(post,recv,first_only):
    P=sorted(marks[post]); R=sorted(marks[recv]); rts=[r[0] for r in R]
    out=[]
    for i,(ts,th,args) in enumerate(P):
        det=json.dumps(args)
        if first_only and '"detail": "1"' not in det and post=='bc-post': continue
        j=bisect.bisect_left(rts,ts)
        if j>=len(R): continue
        out.append((ts,R[j][0],th,R[j][1]))
    return out
for post,recv in (('bc-post','bc-recv'),('raw-post','raw-recv')):
    H=hops(post,recv,True)
    if not H: continue
    lat=sorted(b-a for a,b,_,_ in H)
    print(f"\n{post}->{recv}: n={len(H)} p50={lat[len(lat)//2]:.0f}us p25={lat[len(lat)//4]:.0f} p75={lat[3*len(lat)//4]:.0f}")
    sender=H[0][2]; recvth=H[0][3]
    # per-thread busy fraction during hop windows; also busy in the 300us before recv
    tot=collections.Counter(); win=0
    for a,b,s,r in H:
        win+=b-a
        for k in merged:
            x=busy(k,a,b)
            if x: tot[k]+=x
    print(' hop window total',round(win),'us; busy share by thread:')
    for k,x in tot.most_common(10): print(f"   {names.get(k,str(k))[:30]:30s} {'SENDER' if k==sender else ('RECV' if k==recvth else ''):6s} {x/win:.2f}")
    # split hops by sender busy after post
    fast=[(b-a) for a,b,s,r in H]
    sb=[(busy(s,a,b)/(b-a) if b>a else 0, b-a) for a,b,s,r in H]
    sb.sort()
    n=len(sb); lo=[h for f,h in sb[:n//2]]; hi=[h for f,h in sb[n//2:]]
    lo.sort(); hi.sort()
    print(' hop p50 when sender busy share low half:',lo[len(lo)//2],' high half:',hi[len(hi)//2])
    # concurrency: number of other threads busy (excluding recv thread) time-avg
    conc=[]
    for a,b,s,r in H:
        c=sum(busy(k,a,b) for k in merged if k!=r)/(b-a) if b>a else 0
        conc.append((c,b-a))
    conc.sort(); n=len(conc)
    for q in range(4):
        part=conc[q*n//4:(q+1)*n//4]; hs=sorted(h for _,h in part)
        print(f'  other-threads-busy quartile {q}: avg concurrency {sum(c for c,_ in part)/len(part):.2f}  hop p50 {hs[len(hs)//2]:.0f}us')
