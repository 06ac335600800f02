/// Words whose reading ICU's character-by-character transform gets wrong, mostly polyphones in
/// place and service names, plus common service words that mark word boundaries.
public enum PinyinLexicon {
    /// Word → one syllable per character, ü written as v.
    public static let words: [String: [String]] = {
        var result: [String: [String]] = [:]
        for line in entries.split(separator: "\n") {
            let parts = line.split(separator: " ").map(String.init)
            guard let word = parts.first, parts.count == word.count + 1 else { continue }
            result[word] = Array(parts.dropFirst())
        }
        return result
    }()

    /// Single characters whose usual reading in names differs from ICU's choice.
    public static let characters: [Unicode.Scalar: String] = [
        "地": "di", "的": "de", "区": "qu", "厦": "sha", "乐": "le",
    ]

    /// The longest word in characters.
    public static let longestWordLength: Int = words.keys.map(\.count).max() ?? 1

    // Polyphones first (the reason this table exists), then boundary words. Each line: the word,
    // then one syllable per character.
    static let entries = """
    银行 yin hang
    行长 hang zhang
    支行 zhi hang
    分行 fen hang
    总行 zong hang
    商行 shang hang
    农行 nong hang
    建行 jian hang
    工行 gong hang
    招行 zhao hang
    行业 hang ye
    行政 xing zheng
    行为 xing wei
    执行 zhi xing
    出行 chu xing
    步行 bu xing
    长岭 chang ling
    长期 chang qi
    长者 zhang zhe
    长途 chang tu
    长廊 chang lang
    成长 cheng zhang
    家长 jia zhang
    院长 yuan zhang
    校长 xiao zhang
    延长 yan chang
    特长 te chang
    重庆 chong qing
    重点 zhong dian
    重大 zhong da
    重要 zhong yao
    重度 zhong du
    严重 yan zhong
    重新 chong xin
    重建 chong jian
    会计 kuai ji
    音乐 yin yue
    乐园 le yuan
    乐器 yue qi
    快乐 kuai le
    娱乐 yu le
    大厦 da sha
    厦门 xia men
    岗厦 gang xia
    还款 huan kuan
    归还 gui huan
    调解 tiao jie
    调查 diao cha
    调整 tiao zheng
    协调 xie tiao
    单位 dan wei
    单亲 dan qin
    简单 jian dan
    朝阳 chao yang
    参加 can jia
    参与 can yu
    参保 can bao
    人参 ren shen
    降低 jiang di
    给予 ji yu
    供给 gong ji
    教育 jiao yu
    教学 jiao xue
    教师 jiao shi
    教练 jiao lian
    少年 shao nian
    少儿 shao er
    青少年 qing shao nian
    着力 zhuo li
    着重 zhuo zhong
    车公庙 che gong miao
    华强北 hua qiang bei
    华强 hua qiang
    香蜜湖 xiang mi hu
    莲花 lian hua
    梅林 mei lin
    沙头 sha tou
    上步 shang bu
    景田 jing tian
    都市 du shi
    首都 shou du
    成都 cheng du
    沙嘴 sha zui
    八卦岭 ba gua ling
    便民 bian min
    方便 fang bian
    便利 bian li
    数据 shu ju
    数字 shu zi
    传染 chuan ran
    传统 chuan tong
    自传 zi zhuan
    差异 cha yi
    出差 chu chai
    残疾 can ji
    血压 xue ya
    献血 xian xue
    应急 ying ji
    相应 xiang ying
    适应 shi ying
    供应 gong ying
    答复 da fu
    处理 chu li
    处置 chu zhi
    办事处 ban shi chu
    卫生 wei sheng
    体育 ti yu
    社康 she kang
    社区 she qu
    中心 zhong xin
    服务 fu wu
    样例 yang li
    福田 fu tian
    福田区 fu tian qu
    街道 jie dao
    医院 yi yuan
    学校 xue xiao
    小学 xiao xue
    中学 zhong xue
    幼儿园 you er yuan
    托育 tuo yu
    图书馆 tu shu guan
    文化 wen hua
    公园 gong yuan
    养老 yang lao
    老年 lao nian
    儿童 er tong
    就业 jiu ye
    住房 zhu fang
    保障 bao zhang
    救助 jiu zhu
    退役 tui yi
    军人 jun ren
    """
}
